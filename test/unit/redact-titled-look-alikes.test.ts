/**
 * Look-alikes of a titled name: a senior's job after `Sr.` (`Sr. Nurse on call`) and a brand or
 * a character named with a title, in prose and after a greeting (`Dear Dr. Martens fans,`), stay;
 * a surname after `Sr.` (`Sr. Silva`) and a person's surname after a title (`Dear Dr. Smith,`)
 * are still replaced.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());

describe("a senior's job after Sr.", () => {
  itKeepsUncounted("keeps %s", redact, [
    "Sr. Nurse on call",
    "Sr. NURSE on call",
    // Plurals and short forms of a job posting's titles, Portuguese and Spanish titles too.
    "hiring Sr. Engineers",
    "hiring Sr. Developers and Sr. Designers",
    "Sr. Dev assigned",
    "Sr. Eng on call",
    "Sr. Mgr approval",
    "Sr. Frontend opening",
    "Sr. Fullstack opening",
    "Sr. Chemist position",
    "Sr. Journalist byline",
    "Sr. Analista de dados",
    "vaga Sr. Analistas",
    "Sr. Desarrollador contratado",
    "Sr. Manager approved the request",
    "Sr. Director approved",
    "Sr. Developer assigned",
    "Sr. Analyst review pending",
    "Sr. Consultant onboarding",
    "Sr. Architect sign-off",
    "Sr. Designer left a comment",
    "Sr. Accountant approval",
    "Sr. Associate hired",
    "Sr. Scientist role opened",
    "Sr. Specialist queue",
    "Sr. Technician dispatched",
    "Sr. Recruiter scheduled a call",
    "Sr. Editor review",
    "Sr. Counsel approval",
    "Sr. Officer on duty",
    "Sr. Partner meeting",
    "Sr. Lead assigned",
    "Sr. Staff promotion",
    "Sr. SWE interview",
    "Sr. PM approved",
    "Sr. QA sign-off",
    "Sr. SDE opening",
    "Sr. DevOps rotation",
    "Sr. RN shift swap",
  ]);
  itStoresCounting("replaces the surname in %s", redact, { person_name: 1 }, [
    ["Sr. Silva pagou", "Sr. [REDACTED:person_name] pagou"],
    ["Sr. Garcia", "Sr. [REDACTED:person_name]"],
    ["Sr. Smith called", "Sr. [REDACTED:person_name] called"],
    ["Sr. SILVA", "Sr. [REDACTED:person_name]"],
  ]);
});

describe("a brand or a character named with a title", () => {
  itKeepsUncounted("keeps %s", redact, [
    "Dear Dr. Martens fans,",
    "Dear DR. MARTENS fans,",
    "Dear Dr. Pepper lovers,",
    "Hi Mr. Clean team",
    "Dear Mr. Muscle fans,",
    "Hello Mr. Coffee owners,",
    "Dear Dr. Scholl's customers,",
    "Dear Mrs. Butterworth's fans,",
    "Dear Mrs. Butterworth\u2019s fans,",
    "Dear Dr. Oetker team,",
    "Dr. Scholl's insoles",
    "Mrs. Butterworth's syrup",
    "seen by Dr. Martens",
  ]);
  itStoresCounting("replaces the person in %s", redact, { person_name: 1 }, [
    ["Dear Mr. Smith,", "Dear Mr. [REDACTED:person_name],"],
    ["Dear Dr. Smith,", "Dear Dr. [REDACTED:person_name],"],
    ["Sehr geehrte Frau Dr. Schneider,", "Sehr geehrte Frau Dr. [REDACTED:person_name],"],
    ["Dear Mr. Smith's family,", "Dear Mr. [REDACTED:person_name] family,"],
  ]);
});
