/**
 * A command-line flag whose value is a quoted `name=value` under a secret's name
 * (detectors/secret-parameter.ts, `INNER_QUOTED_PARAMETER`): `--from-literal=password='…'`,
 * `--env=DB_PASSWORD="…"`, `--build-arg=`, helm's `--set=`/`--set-string=`, terraform's
 * `-var=`, in single, double or JSON-escaped quotes, lose the value as the unquoted forms do;
 * the quotes stay. Another name's value, placeholders and empty values stay.
 */
import { describe } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a flag's quoted name=value under a secret's name", () => {
  itStoresInEveryForm(
    [
      ["kubectl create secret generic app --from-literal=password='Xk9#mPq2vL'", `kubectl create secret generic app --from-literal=password='${PARAM}'`],
      ['kubectl create secret generic app --from-literal=password="Xk9#mPq2vL"', `kubectl create secret generic app --from-literal=password="${PARAM}"`],
      ["docker run --env=DB_PASSWORD='Xk9#mPq2vL' app", `docker run --env=DB_PASSWORD='${PARAM}' app`],
      ['docker run --env=DB_PASSWORD="Xk9#mPq2vL" app', `docker run --env=DB_PASSWORD="${PARAM}" app`],
      ["docker build --build-arg=DB_PASSWORD='Xk9#mPq2vL' .", `docker build --build-arg=DB_PASSWORD='${PARAM}' .`],
      ["helm install app --set=db.password='Xk9#mPq2vL'", `helm install app --set=db.password='${PARAM}'`],
      ["helm install app --set-string=db.password=\"Xk9#mPq2vL\"", `helm install app --set-string=db.password="${PARAM}"`],
      ["terraform apply -var=db_password='Xk9#mPq2vL'", `terraform apply -var=db_password='${PARAM}'`],
      ['{"cmd":"kubectl create secret generic app --from-literal=password=\\"Xk9#mPq2vL\\""}', `{"cmd":"kubectl create secret generic app --from-literal=password=\\"${PARAM}\\""}`],
    ],
    () => "Xk9#mPq2vL",
  );

  itKeepsInEveryForm("another name's value, a placeholder, an empty value", [
    "kubectl create secret generic app --from-literal=username='alice'",
    "kubectl create secret generic app --from-literal=password='<your-password>'",
    "kubectl create secret generic app --from-literal=password='${DB_PASSWORD}'",
    "docker run --env=PASSWORD_FILE='/run/secrets/db' app",
    "docker run --env=DB_PASSWORD='' app",
    "docker run --env=PASSWORD_MIN_LENGTH='12' app",
    "helm install app --set=auth.existingSecret='app-secret'",
    "terraform apply -var=password_policy='strict'",
  ]);
});
