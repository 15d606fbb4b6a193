import type { Rule } from "../findings";
import { analyticsEngineRule } from "./analytics-engine";
import { misspelledKeyRule } from "./misspelled-key";
import { observabilityRule } from "./observability";
import { pagesConfigRule } from "./pages-config";
import { previewsConfigRule } from "./previews-config";
import { otlpEndpointsRule } from "./otlp-endpoints";
import { secretInVarsRule } from "./secret-in-vars";
import { serviceNameRule } from "./service-name";
import { swallowedKeyRule } from "./swallowed-key";
import { tailConsumerRule } from "./tail-consumer";
import { tailIngestBindingRule } from "./tail-ingest-binding";
import { tailLoopRule } from "./tail-loop";
import { versionMetadataRule } from "./version-metadata";

/** Every rule, in the order findings are reported within one environment. */
export const RULES: readonly Rule[] = [
  tailConsumerRule,
  tailLoopRule,
  tailIngestBindingRule,
  versionMetadataRule,
  otlpEndpointsRule,
  serviceNameRule,
  analyticsEngineRule,
  secretInVarsRule,
  observabilityRule,
  previewsConfigRule,
  pagesConfigRule,
  swallowedKeyRule,
  misspelledKeyRule,
];
