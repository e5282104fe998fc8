import { getObject } from "../../model/index.js";
import { customTarget, targetFor } from "./target-for.js";
import type { TargetTemplate } from "./templates/template.js";

/** A field row's model key with what follows from it: where it lands and whether it is PHI. */
export interface RowLanding {
  readonly model: string;
  readonly target: string | null;
  readonly phi: boolean;
}

/**
 * The landing for a row whose model key a person (review) or the dictionary chose, computed as
 * `map` computes it, so the target column follows the model field. `object.customProperties`
 * (optionally `.<name>`, else the column's name) keeps the column as a custom property; an
 * unknown field gives undefined.
 *
 * @example rowLanding("patient.mrn", "ChartNo", template) // { model: "patient.mrn", target: "contact.hc_mrn", phi: true }
 */
export function rowLanding(model: string, column: string, template: TargetTemplate): RowLanding | undefined {
  const [objectName, fieldName, ...rest] = model.split(".");
  const object = getObject(objectName ?? "");
  if (!object || !fieldName) return undefined;
  if (fieldName === "customProperties") {
    const name = rest.length > 0 ? rest.join(".") : column;
    // Unknown columns may hold anything: PHI until a person says otherwise (as `map` proposes them).
    return { model: `${object.name}.customProperties.${name}`, target: customTarget(object, name, template), phi: true };
  }
  const field = object.fields.find((f) => f.name === fieldName);
  if (!field || rest.length > 0) return undefined;
  const key = `${object.name}.${field.name}`;
  return { model: key, target: targetFor(key, object, template), phi: field.phi };
}
