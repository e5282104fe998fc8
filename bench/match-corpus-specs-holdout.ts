import type { SchemaSpec } from "./match-corpus-spec.js";

/**
 * Written after the matcher's signals were frozen, and scored once before joining the corpus, as
 * an out-of-sample check: French column names and an EHR-style export with its own abbreviations.
 */
export const holdoutSpecs: readonly SchemaSpec[] = [
  {
    name: "french-cabinet",
    style: "French snake_case column names, DD/MM/YYYY dates (held out while the signals were tuned)",
    tables: [
      { name: "patients", object: "patient", columns: `
        id_patient | sourceId | id:1
        nom | lastName | last
        prenom | firstName | first
        date_naissance | birthDate | dob:eu
        sexe | sex | sex:word
        courriel | email | email
        telephone_domicile | phoneHome | phone:intl
        telephone_portable | phoneMobile | phone:intl
        adresse | addressLine1 | street
        ville | city | city
        code_postal | postalCode | zip:de
        pays | country | country
        langue | language | lang:code
        medecin_traitant | primaryProvider | ref:1-6
        mutuelle | custom | carrier
        numero_secu | custom | code:S
        date_creation | createdAt | date:eu
        date_modification | modifiedAt | date:eu
      ` },
      { name: "rendez_vous", object: "appointment", columns: `
        id_rdv | sourceId | id:1
        id_patient | patient | ref:1-300
        id_medecin | provider | ref:1-6
        debut | start | date:isots
        fin | end | date:isots
        duree_minutes | durationMinutes | duration
        motif | reason | reason
        statut | status | apptstatus
        commentaire | note | note
        tarif | custom | money:eur
      ` },
    ],
  },
  {
    name: "ehr-export",
    style: "An EHR's flat export: PT_/ENC_ prefixes, MRN-keyed, mixed abbreviations (held out)",
    tables: [
      { name: "PT_DEMOGRAPHICS", object: "patient", columns: `
        PT_MRN | mrn | mrn
        PT_LAST | lastName | last
        PT_FIRST | firstName | first
        PT_MID | middleName | middle
        PT_BIRTH_DT | birthDate | dob:mon
        PT_SEX_CD | sex | sex:mf
        PT_SSN_LAST4 | custom | int:1000-9999
        PT_HOME_TEL | phoneHome | phone:dots
        PT_CELL_TEL | phoneMobile | phone:dots
        PT_EMAIL_ADDR | email | email
        PT_STREET | addressLine1 | street
        PT_CITY | city | city
        PT_STATE | region | state
        PT_ZIP | postalCode | zip9
        PT_PCP_NPI | custom | npi
        PT_DECEASED_DT | deceasedDate | date:mon
        PT_ETHNICITY | custom | color
        PT_LAST_UPD | modifiedAt | date:usts
      ` },
      { name: "ENC_NOTES", object: "clinicalNote", columns: `
        NOTE_ID | sourceId | id:1
        PT_MRN | patient | mrn
        ENC_ID | appointment | ref:1-900
        AUTH_PROV_ID | author | ref:1-6
        NOTE_TYPE | title | title
        NOTE_TXT | body | note
        SIGNED_DTTM | writtenAt | date:usts
        DX_CODE | custom | icd10
      ` },
    ],
  },
];
