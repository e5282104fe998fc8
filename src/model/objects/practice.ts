import { commonFields, field, type ObjectDef } from "../types.js";

export const practice: ObjectDef = {
  name: "practice",
  description: "A practice, clinic or location (also a referring practice).",
  synonyms: ["practice", "practices", "clinic", "clinics", "location", "locations", "office", "site", "organization"],
  fields: [
    ...commonFields,
    field("name", "text", "The practice's name.", { synonyms: ["practice name", "clinic name", "location name", "office name", "org name"], required: true }),
    field("npi", "text", "National Provider Identifier (10 digits) of the organisation.", { synonyms: ["npi", "npi number", "national provider id", "group npi"] }),
    field("taxId", "text", "Tax identification number (EIN).", { synonyms: ["tax id", "tin", "ein", "federal tax id"] }),
    field("parent", "ref", "The practice this location belongs to.", { ref: "practice", synonyms: ["parent", "parent practice", "parent id", "parent practice id", "group id", "parent org"] }),
    field("specialty", "code", "The practice's clinical specialty.", { synonyms: ["specialty", "speciality", "practice type", "industry"] }),
    field("size", "int", "Number of staff or providers.", { synonyms: ["size", "employees", "staff count", "headcount"] }),
    field("addressLine1", "text", "Street address, first line.", { synonyms: ["address", "address1", "addr1", "street", "address line 1"] }),
    field("addressLine2", "text", "Street address, second line.", { synonyms: ["address2", "addr2", "suite", "address line 2"] }),
    field("city", "text", "City.", { synonyms: ["city", "town", "suburb", "locality"] }),
    field("region", "text", "State, province or region.", { synonyms: ["state", "province", "region", "st"] }),
    field("postalCode", "text", "ZIP or postal code.", { synonyms: ["zip", "zip code", "postal code", "postcode"] }),
    field("country", "text", "Country.", { synonyms: ["country", "nation"] }),
    field("phone", "text", "Main phone number.", { synonyms: ["phone", "telephone", "main phone", "office phone", "tel"] }),
    field("email", "text", "Main email address.", { synonyms: ["email", "e-mail", "email address", "office email"] }),
    field("website", "text", "Web site URL.", { synonyms: ["website", "web", "url", "homepage", "site url"] }),
    field("operatingHours", "text", "Opening hours as text.", { synonyms: ["hours", "operating hours", "opening hours"] }),
    field("active", "bool", "Whether the practice is active.", { synonyms: ["active", "is active", "enabled", "status"] }),
  ],
};
