/**
 * Source spellings of the model's codes, per code field (`object.field` → code → spellings), in
 * English and in the Spanish, German and French practice exports use. The code itself, its case
 * and punctuation variants ("No-Show" → noShow) and short unique prefixes ("F" → female) need no
 * entry: match-values finds those on its own, and words the foreign lexicon already translates to
 * a code (inactivo, abgesagt, teléfono) are not repeated here. Spellings are compared in codeForm
 * without spaces or punctuation ("prefer not to say" → prefernottosay).
 */
export const valueSynonyms: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "patient.sex": {
    male: ["man", "boy", "masculine", "masculino", "hombre", "varon", "mannlich", "maennlich", "homme", "masculin"],
    female: ["woman", "girl", "feminine", "femenino", "mujer", "weiblich", "femme", "feminin"],
    other: ["nonbinary", "non-binary", "diverse", "divers", "intersex", "x", "otro", "andere", "autre"],
    unknown: ["unk", "not known", "not stated", "prefer not to say", "declined", "unspecified", "undisclosed", "n/a", "desconocido", "unbekannt", "inconnu"],
  },
  "patient.status": {
    active: ["current", "actif"],
    inactive: ["archived", "former", "dormant", "closed", "archivado", "archiviert", "inactif"],
    deceased: ["dead", "died", "expired", "decede"],
  },
  "patient.preferredContactMethod": {
    sms: ["text", "text message", "txt", "mobile text", "sms text"],
    phone: ["call", "telephone", "tel", "phone call", "voice", "llamada", "anruf"],
    mail: ["letter", "post", "postal mail", "carta", "brief", "courrier"],
    any: ["no preference", "either", "all", "cualquiera", "egal"],
  },
  "appointment.status": {
    scheduled: ["booked", "sched", "planned", "pending", "prevu"],
    confirmed: ["conf", "confirme"],
    completed: ["complete", "done", "attended", "seen", "checked out", "finished", "arrived", "termine"],
    cancelled: ["canceled", "cancel", "cx", "void", "storniert", "annule"],
    noShow: ["no show", "dna", "did not attend", "did not arrive", "missed", "failed to attend", "fta", "no presentado", "nicht erschienen", "absent"],
  },
  "appointment.paymentStatus": {
    paid: ["settled", "paid in full", "pagado", "bezahlt", "paye"],
    pending: ["unpaid", "outstanding", "due", "open", "invoiced", "pendiente", "offen", "en attente"],
    failed: ["declined", "bounced", "rejected", "rechazado", "abgelehnt", "refuse"],
  },
  "patientPracticeLink.role": {
    primaryCare: ["primary", "primary care", "home", "home clinic", "home practice", "main", "usual", "principal", "hauptpraxis"],
    referring: ["referring practice", "referral", "referred", "referred from", "referred by", "referrer", "derivante", "uberweisend", "ueberweisend"],
    other: ["also attends", "secondary", "additional", "otro", "andere", "autre"],
  },
  "staff.role": {
    physician: ["doctor", "dr", "md", "gp", "general practitioner", "medico", "arzt", "medecin"],
    dentist: ["dds", "dmd", "odontologo", "zahnarzt", "dentiste"],
    hygienist: ["rdh", "hygiene", "dental hygienist", "higienista", "dentalhygieniker"],
    nurse: ["rn", "practice nurse", "enfermera", "enfermero", "krankenschwester", "pflegekraft", "infirmiere"],
    technician: ["tech", "lab technician", "tecnico", "techniker"],
    admin: ["administrator", "receptionist", "front desk", "practice manager", "office manager", "manager", "recepcion", "empfang", "verwaltung", "secretaire"],
  },
  "clinicalNote.format": {
    plain: ["text", "txt", "plain text", "plaintext"],
    rtf: ["rich text"],
    html: ["htm"],
  },
  "document.category": {
    consent: ["consent form", "consentimiento", "einwilligung"],
    lab: ["laboratory", "lab result", "lab results", "pathology", "labor", "laboratorio"],
    imaging: ["xray", "x-ray", "radiograph", "scan", "mri", "ct", "ultrasound", "rontgen", "radiografia"],
    insuranceCard: ["insurance", "insurance card", "card", "medicare card", "tarjeta seguro", "versichertenkarte"],
    form: ["intake", "intake form", "questionnaire", "formulario", "formular", "formulaire"],
    other: ["misc", "miscellaneous", "otro", "sonstiges", "autre"],
  },
};

/**
 * One-letter sex codes read differently by language: Spanish H/M (hombre/mujer), German m/w/d
 * (männlich/weiblich/divers). match-values picks the reading that explains most of a column's
 * values, English first on a tie, so "M" in an H/M column is female.
 */
export const sexLetterReadings: readonly { readonly language: string; readonly letters: Readonly<Record<string, string>> }[] = [
  { language: "English", letters: { m: "male", f: "female", u: "unknown", o: "other", x: "other" } },
  { language: "Spanish", letters: { h: "male", v: "male", m: "female" } },
  { language: "German", letters: { m: "male", w: "female", d: "other" } },
];
