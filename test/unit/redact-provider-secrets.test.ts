/**
 * Provider secrets a trial found stored unchanged: Azure storage keys, provider token formats
 * the known-token table lacked, and PuTTY key files. Each output is pinned: the input with only
 * the secret replaced, the account names, endpoints and words around it kept.
 */
import { describe, expect, it } from "vitest";
import { expectKept, expectRedacted, storedLogAttributes } from "../support/redaction";

const SECRET_PARAM = "[REDACTED:secret_param]";
const SECRET = "[REDACTED:secret]";
const TOKEN = "[REDACTED:known_token]";
const AZURE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

describe("an Azure storage account's key", () => {
  it("goes alone, in a connection string and as a member, the account's name and endpoint kept", () => {
    expectRedacted([
      [`AccountKey=${AZURE_KEY}`, `AccountKey=${SECRET_PARAM}`],
      [
        `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`,
        `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${SECRET_PARAM};EndpointSuffix=core.windows.net`,
      ],
      [`{"AccountKey":"${AZURE_KEY}"}`, `{"AccountKey":"${SECRET}"}`],
      [`{"account_key":"${AZURE_KEY}"}`, `{"account_key":"${SECRET}"}`],
      [
        "BlobEndpoint=https://x.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sp=rl&se=2026-12-31T00:00:00Z&sig=Zm9vYmFyYmF6cXV4MTIz%3D",
        `BlobEndpoint=https://x.blob.core.windows.net/;SharedAccessSignature=${SECRET_PARAM}&ss=b&sp=rl&se=2026-12-31T00:00:00Z&sig=${SECRET_PARAM}`,
      ],
    ]);
  });

  it("goes under the attribute azure.storage.account_key", () => {
    const stored = storedLogAttributes([
      { key: "azure.storage.account_key", value: { stringValue: AZURE_KEY } },
      { key: "azure.storage.account_name", value: { stringValue: "devstoreaccount1" } },
    ]);
    expect(stored.values).toEqual({ "azure.storage.account_key": SECRET, "azure.storage.account_name": "devstoreaccount1" });
  });
});

describe("provider token formats", () => {
  it.each([
    ["client secret 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", `client secret ${TOKEN}`],
    ["mail via 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 failed", `mail via ${TOKEN} failed`],
    ["vault hvs.CAESIJlWh3bHxkeLkzfWqVMxXUoGfLkFfZnHk2Qd8AaBbCcDGh4KHGh2cy5hYmNk ok", `vault ${TOKEN} ok`],
    ["vault hvb.AAAAAQJgHh8pR3kL9mNoPqRsTuVwXyZa0b1c2d3e4f5g6h7i8j9k0l1m2n3o4p5q ok", `vault ${TOKEN} ok`],
    ["vault hvr.AbCdEfGhIjKlMnOpQrStUvWx1234 ok", `vault ${TOKEN} ok`],
    ["square sq0atp-4K2mXy9Qw3Er7Ty5Ui1Op8 ok", `square ${TOKEN} ok`],
    ["square sq0csp-4K2mXy9Qw3Er7Ty5Ui1Op8As6Df0Gh2Jk4Lz7Xc9Vb1 ok", `square ${TOKEN} ok`],
    ["fb EAACEdEose0cBAZB5ZCZAqx3kX9mNoPqRsTuVwXyZa0b1c2d3e4f5g6h7 ok", `fb ${TOKEN} ok`],
    ["AGE-SECRET-KEY-1QQPQZRFR7ZZDSA9XVQ8FQ3WRJ5NLZYFZ9RQJYX8YJ0VHLWUGDRGQ7JJSA9", TOKEN],
    ["doppler dp.st.prd.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGH ok", `doppler ${TOKEN} ok`],
    ["doppler dp.pt.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGHijk ok", `doppler ${TOKEN} ok`],
    ["hf hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567 ok", `hf ${TOKEN} ok`],
    ["hf hf_abcdefghijklmnopqrstuvwxyzABCDEFGH ok", `hf ${TOKEN} ok`],
    ["mailgun key-3a6f0b9c2d1e4f5a6b7c8d9e0f1a2b3c ok", `mailgun ${TOKEN} ok`],
    ["twilio SK0123456789abcdef0123456789abcdef ok", `twilio ${TOKEN} ok`],
  ])("redacts %s", (text, stored) => expectRedacted([[text, stored]]));

  it("keeps look-alikes that are words or ids", () => {
    expectKept([
      "SG.products.list failed",
      "hvs.enabled true",
      "cache key-not-found for user",
      "SKU 0123456789abcdef0123456789abcdef",
      "dp.st.config reloaded",
      "see hf_hub_download for details",
    ]);
  });
});

describe("a provider token of its issued shape", () => {
  // Bodies with no digit, or cut by `-` and `_` into runs under 12 characters: the look of a
  // generated token (`looksGenerated`) is not asked of a token whose format is fixed.
  it.each([
    ["AKIALNMDMWDIUDEXTOLP", TOKEN],
    ["aws_access_key_id=AKIALNMDMWDIUDEXTOLP", `aws_access_key_id=${TOKEN}`],
    ["session ASIAQWERTYUIOPZXCVBN expired", `session ${TOKEN} expired`],
    ["glpat-jmcpi7bFgVu-tONgH1Hc", TOKEN],
    ["(glpat-msc1HXxuJB_yZs0SkaM9)", `(${TOKEN})`],
    ["token glpat-x.glpat-jmcpi7bFgVu-tONgH1Hc set", `token glpat-x.${TOKEN} set`],
    ["deploy gldt-6ooaqqtM-II3s4FfiJf4 ok", `deploy ${TOKEN} ok`],
    ["request to upstream failed for AIzabxhTqBv-mT8_5CZM9Q2_BPu_H5PedtDrJ7L after 3 retries", `request to upstream failed for ${TOKEN} after 3 retries`],
    ["'sk-proj-EVUYggrV1s_ygScMNM6Te_J1OWcFa-ylNHSZ_r7jHJHk5ztq',", `'${TOKEN}',`],
    ["secret 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 ok", `secret ${TOKEN} ok`],
    ["pat dckr_pat_Xy7kP2mQ_wR9tZ3v-Bn5cL1dF8g ok", `pat ${TOKEN} ok`],
    ["GET https://api.telegram.org/bot36710187:ALFdcYXDa_irwL51-aIEaOc_iDLo4rtWnqJ/getMe", `GET https://api.telegram.org/${TOKEN}/getMe`],
    // No `-`, `_`, `A`, seven digits or three dots: the evidence gate passes them for their `SG.` and `SK`.
    ["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", TOKEN],
    ["token 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.", `token ${TOKEN}.`],
    ["twilio SKcdeffedcfedcfedcfedcfedcfedcfedc", `twilio ${TOKEN}`],
  ])("redacts %s", (text, stored) => expectRedacted([[text, stored]]));

  it("keeps words shorter or longer than the format, examples, base64 of text and identifiers", () => {
    expectKept([
      "AKIAFORMAT names the prefix",
      "AKIAFORMATEXAMPLEKEYS is longer",
      "AKIAFORMATEXAMPLE is shorter",
      "SG.example",
      "data:text/plain;base64,SGVsbG8sIHRoaXMgaXMgb3JkaW5hcnkgdGV4dA==",
      '<div class="sk-fading-circle sk-chase-dot2-animation"></div>',
      "int github_pat_token_expiration_days = 30;",
      "com.example.AKIAConfigLoader.loadAll",
      "robot12345678:Alpha-beta_gamma-delta-epsilon-zeta ok",
    ]);
  });

  it("keeps slugs, names and hosts of the issued length with no capital where the format's alphabet has both cases", () => {
    expectKept([
      "glrt-runner-manager-prd-1",
      "k8s.pod.name=glrt-runner-manager-prd-1",
      "container.image.name=glrt-runner-image-abcd-v1",
      "k8s.pod.name=sk-admin-billing-api-worker-7d9f8b6c5d-x2k4p-canary-v2",
      '<div class="sk-admin-dashboard-settings-page-header-title-wrapper">',
      "runner glrt-shared-runners-eu-w1.ci.example.com up",
      "see glpat-rotation-policy-docs.md",
      "dckr_oat_organization_token_name_xyz",
    ]);
  });

  it("keeps placeholders: one character repeated, in any case", () => {
    expectKept([
      "AKIAXXXXXXXXXXXXXXXX",
      "key AKIA0000000000000000",
      `ghp_${"x".repeat(36)}`,
      `gho_${"X".repeat(36)}`,
      "glpat-xxxxxxxxxxxxxxxxxxxx",
      `sk-proj-${"x".repeat(40)}`,
      `SG.${"x".repeat(22)}.${"x".repeat(43)}`,
      `npm_${"x".repeat(36)}`,
      `hf_${"x".repeat(34)}`,
      `github_pat_${"x".repeat(22)}_${"x".repeat(59)}`,
      `SK${"f".repeat(32)}`,
    ]);
  });

  it("redacts an access key id after a placeholder's: the secret written after it goes with it", () => {
    expectRedacted([["AKIAXXXXXXXXXXXXXXXX wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", TOKEN]]);
  });

  it("redacts an all-capitals word of an access key id's length: AWS's key ids are capitals and digits too", () => {
    // An accepted false positive: `ASIAPACIFICSOUTHEAST` reads as an id with no digit.
    expectRedacted([["region=ASIAPACIFICSOUTHEAST", `region=${TOKEN}`]]);
  });
});

describe("a PuTTY key file", () => {
  const head = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIOdz\nAbCd1234\nPrivate-Lines: 1\n";
  const mac = "\nPrivate-MAC: 6b1f8bb9d7c8e3a2f0b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80912";

  it("loses its private lines and keeps its header, public lines and MAC", () => {
    expectRedacted([[`${head}AAAAIQCx9y8Zq3Lm2Np4Qr6St8Uv0WxYz1AbCdEfGhIjKlMnO${mac}`, `${head}[REDACTED:private_key]${mac}`]]);
  });

  it("loses them when the file is logged with escaped line breaks", () => {
    const escaped = `${head}AAAAIQCx9y8Zq3Lm2Np4Qr6St8Uv0WxYz1AbCdEfGhIjKlMnO${mac}`.replace(/\n/g, "\\n");
    expectRedacted([[escaped, `${head.replace(/\n/g, "\\n")}[REDACTED:private_key]${mac.replace(/\n/g, "\\n")}`]]);
  });
});
