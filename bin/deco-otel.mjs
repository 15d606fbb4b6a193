#!/usr/bin/env node
// The `deco-otel` command. The project is TypeScript run by tsx (a dependency), so this shim
// registers tsx's loader and hands over to the TypeScript entry point.
import { register } from "tsx/esm/api";

register();
await import("../audit/cli/deco-otel.ts");
