/**
 * Turns one API item into the flat text columns every Handover source yields: nested objects
 * join their path with "_" (`address.city` → `address_city`), the keys under `custom_fields`
 * become `custom_<name>` (lowercased, non-alphanumerics as "_", since each account spells its
 * own), arrays become their values joined with "; " (an object inside an array as its JSON),
 * null becomes "", numbers and booleans their JSON text. Strings are kept exactly as sent.
 *
 * @example flattenItem({ id: "p1", address: { city: "Bath" }, custom_fields: { "Parking Permit": "yes" }, tags: ["a", "b"] })
 *   // { id: "p1", address_city: "Bath", custom_parking_permit: "yes", tags: "a; b" }
 */
export function flattenItem(item: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, value: string): void => {
    // Two paths that flatten to one name (`a_b` and `a.b`) both stay: the later gets a suffix.
    let column = name;
    for (let n = 2; column in out; n += 1) column = `${name}_${n}`;
    out[column] = value;
  };
  const walk = (prefix: string, value: unknown): void => {
    if (isPlainObject(value)) {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}_${key}` : key, inner);
    } else {
      put(prefix, text(value));
    }
  };
  for (const [key, value] of Object.entries(item)) {
    if (key === "custom_fields" && isPlainObject(value)) {
      for (const [name, inner] of Object.entries(value)) walk(`custom_${customName(name)}`, inner);
    } else {
      walk(key, value);
    }
  }
  return out;
}

export function customName(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "field";
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((element) => (isPlainObject(element) || Array.isArray(element) ? JSON.stringify(element) : text(element))).join("; ");
  if (isPlainObject(value)) return JSON.stringify(value);
  return String(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
