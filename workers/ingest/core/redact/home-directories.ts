/**
 * The accounts whose home directory names no person: the ones an operating system, a container
 * image, a cloud image or a CI service creates for itself, whoever runs it. Their paths stay
 * whole (`/home/runner/work/…`, `C:\Users\Public\…`), as a process's working directory does; any
 * other account under a home directory (`/home`, `/Users`, `C:\Users`, `/var/home`, `~name`, …:
 * `detectors/home-directory.ts`) is taken as a person's login. Lower case:
 * Windows and macOS compare these names without case.
 *
 * - Systems: `root`, `admin`, `administrator`, `guest`, `shared` (macOS's `/Users/Shared`),
 *   `public`, `default`, `default user`, `all users`, `defaultuser0` (Windows' own profiles),
 *   `localservice`, `networkservice` (Windows XP's service profiles under `Documents and
 *   Settings`), `nobody`, `www-data`, `daemon`.
 * - Cloud and distribution images' first account: `ubuntu`, `ec2-user`, `centos`, `debian`,
 *   `fedora`, `rocky`, `almalinux`, `freebsd`, `azureuser`, `opc` (Oracle), `bitnami`, `pi`, `vagrant`, `core`.
 * - Container images and dev containers: `node`, `app`, `user`, `vscode`, `codespace`, `gitpod`,
 *   `coder`, `linuxbrew`, `containeradministrator`, `containeruser`, `docker`, `deno`, `bun`.
 * - CI runners: `runner` and `runneradmin` (GitHub Actions), `circleci`, `jenkins`, `gitlab-runner`,
 *   `buildkite-agent`, `travis`, `appveyor`, `vsts` and `vssadministrator` (Azure Pipelines), `builder`, `build`, `ci`.
 * - Service accounts: `git`, `postgres`, `mysql`, `redis`, `deploy`, `service`.
 */
export const KEPT_HOME_ACCOUNTS: ReadonlySet<string> = new Set([
  "root", "admin", "administrator", "guest", "shared", "public", "default", "default user", "all users", "defaultuser0",
  "localservice", "networkservice", "nobody", "www-data", "daemon",
  "ubuntu", "ec2-user", "centos", "debian", "fedora", "rocky", "almalinux", "freebsd", "azureuser", "opc", "bitnami", "pi", "vagrant", "core",
  "node", "app", "user", "vscode", "codespace", "gitpod", "coder", "linuxbrew", "containeradministrator", "containeruser", "docker", "deno", "bun",
  "runner", "runneradmin", "circleci", "jenkins", "gitlab-runner", "buildkite-agent", "travis", "appveyor", "vsts", "vssadministrator",
  "builder", "build", "ci",
  "git", "postgres", "mysql", "redis", "deploy", "service",
]);

/** Whether `account`, a home directory's name, is one of `KEPT_HOME_ACCOUNTS`, in any case. */
export function isKeptHomeAccount(account: string): boolean {
  return KEPT_HOME_ACCOUNTS.has(account.toLowerCase());
}
