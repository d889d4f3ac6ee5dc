import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Resource {
  name: string;
  type: string;
  properties: { runtime?: string; buildConfig?: { runtime?: string } };
}

const spec = parse(
  readFileSync(join(import.meta.dirname, "..", "..", "extension.yaml"), "utf8"),
) as { resources: Resource[] };

/** Where each kind of function resource declares its runtime. */
function runtimeOf(resource: Resource): string | undefined {
  return resource.type === "firebaseextensions.v1beta.v2function"
    ? resource.properties.buildConfig?.runtime
    : resource.properties.runtime;
}

describe("the extension's manifest", () => {
  it("declares both functions", () => {
    expect(spec.resources.map((r) => r.name).sort()).toEqual(["processMessage", "statusCallback"]);
  });

  it.each(spec.resources.map((r) => [r.name, r] as const))(
    "runs %s on Node.js 22, a runtime Cloud Functions still accepts",
    (_name, resource) => {
      expect(runtimeOf(resource)).toBe("nodejs22");
    },
  );
});
