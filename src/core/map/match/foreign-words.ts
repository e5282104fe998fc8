/**
 * Spanish, German and French words practice exports use for the common fields, translated to the
 * English words of the model's names and synonyms. Diacritics are folded before lookup
 * ("teléfono" → telefono, "Straße" → strasse), and German ä/ö/ü may be spelled ae/oe/ue.
 * A translation, not a synonym list: each word maps to what it means, and the name signal then
 * compares English with English. Small on purpose — the common patient, staff, appointment and
 * document fields; extend it when a corpus schema shows a gap.
 */
export const foreignWords: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // Spanish
  paciente: ["patient"], apellido: ["last", "name"], apellidos: ["last", "name"], nombres: ["first", "name"],
  fecha: ["date"], nacimiento: ["birth"], sexo: ["sex"], genero: ["sex"], correo: ["email"], electronico: [],
  telefono: ["phone"], casa: ["home"], movil: ["mobile"], celular: ["mobile"], trabajo: ["work"],
  direccion: ["address"], domicilio: ["address"], ciudad: ["city"], localidad: ["city"], provincia: ["province"],
  codigo: ["code"], pais: ["country"], idioma: ["language"], estado: ["status"], civil: ["marital"],
  medico: ["doctor"], doctora: ["doctor"], alergia: ["allergy"], alta: ["created"], modificacion: ["modified"],
  actualizado: ["updated"], cita: ["appointment"], hora: ["time"], inicio: ["start"], fin: ["end"],
  duracion: ["duration"], minuto: ["minutes"], tipo: ["type"], motivo: ["reason"], nota: ["notes"],
  importe: ["amount"], cargo: ["role"], especialidad: ["specialty"], numero: ["number"], activo: ["active"],
  clinica: ["clinic"], consultorio: ["clinic"], sitio: ["site"], horario: ["hours"], archivo: ["file"], tamano: ["size"],
  segundo: ["second"], aseguradora: ["insurance"], seguro: ["insurance"], nombre: ["name"],
  // German
  patienten: ["patient"], vorname: ["first", "name"], nachname: ["last", "name"], familienname: ["last", "name"],
  geburtsdatum: ["birth", "date"], geburt: ["birth"], datum: ["date"], geschlecht: ["sex"], strasse: ["address"],
  adresse: ["address"], adresszusatz: ["address", "line", "2"], plz: ["postal", "code"], postleitzahl: ["postal", "code"],
  ort: ["city"], wohnort: ["city"], stadt: ["city"], bundesland: ["state"], land: ["country"], telefon: ["phone"],
  mobil: ["mobile"], handy: ["mobile"], nummer: ["number"], privat: ["home"], geschaeftlich: ["work"], geschaftlich: ["work"],
  krankenkasse: ["insurance"], versicherung: ["insurance"], versicherten: ["insured"], hausarzt: ["primary", "provider"],
  arzt: ["doctor"], aerzte: ["doctor"], arzte: ["doctor"], sprache: ["language"], familienstand: ["marital", "status"],
  sterbe: ["death"], sterbedatum: ["date", "of", "death"], angelegt: ["created"], erstellt: ["created"], geaendert: ["modified"],
  geandert: ["modified"], aenderung: ["modified"], anderung: ["modified"], termin: ["appointment"], termine: ["appointment"],
  beginn: ["start"], ende: ["end"], dauer: ["duration"], art: ["type"], typ: ["type"], grund: ["reason"],
  bemerkung: ["notes"], notiz: ["notes"], raum: ["room"], funktion: ["role"], fachrichtung: ["specialty"],
  titel: ["degree"], aktiv: ["active"], dokument: ["document"], dokumente: ["document"], datei: ["file"],
  dateiname: ["file", "name"], groesse: ["size"], grosse: ["size"], pfad: ["path"], kategorie: ["category"],
  hochgeladen: ["uploaded"], praxis: ["practice"], praxen: ["practice"], nr: ["id"], status: ["status"],
  // French
  prenom: ["first", "name"], naissance: ["birth"], sexe: ["sex"], courriel: ["email"], portable: ["mobile"],
  domicile: ["home"], ville: ["city"], pays: ["country"], medecin: ["doctor"], langue: ["language"],
  // Code values, for matching a field's vocabulary ("Activo" → active, "abgesagt" → cancelled)
  inactivo: ["inactive"], fallecido: ["deceased"], inaktiv: ["inactive"], verstorben: ["deceased"],
  programada: ["scheduled"], confirmada: ["confirmed"], realizada: ["completed"], cancelada: ["cancelled"],
  geplant: ["scheduled"], bestaetigt: ["confirmed"], bestatigt: ["confirmed"], erledigt: ["completed"], abgesagt: ["cancelled"],
  rendez: ["appointment"], vous: [], cree: ["created"], modifie: ["modified"], fichier: ["file"], taille: ["size"],
});

/** Multi-word spellings, folded before single words ("segundo nombre" is the middle name). */
export const foreignPhrases: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["segundo", "nombre"], ["middle", "name"]],
  [["correo", "electronico"], ["email"]],
  [["estado", "civil"], ["marital", "status"]],
  [["numero", "colegiado"], ["license", "number"]],
  [["nombre", "clinica"], ["clinic", "name"]],
  [["sitio", "web"], ["website"]],
  [["date", "de", "naissance"], ["birth", "date"]],
  [["code", "postal"], ["postal", "code"]],
  [["codigo", "postal"], ["postal", "code"]],
];

/**
 * A word that means more when it is the whole name: Spanish "nombre" alone is the given name,
 * French "nom" alone the family name; inside a longer name they are just "name".
 */
export const wholeNameWords: Readonly<Record<string, readonly string[]>> = Object.freeze({
  nombre: ["first", "name"],
  nom: ["last", "name"],
});
