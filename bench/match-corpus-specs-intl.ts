import type { SchemaSpec } from "./match-corpus-spec.js";

/** Other languages' column names, flattened FHIR paths, a SaaS API and a one-name-column clinic. */
export const intlSpecs: readonly SchemaSpec[] = [
  {
    name: "spanish-clinic",
    style: "Spanish snake_case column names, DD/MM/YYYY dates, Spanish code values",
    tables: [
      { name: "pacientes", object: "patient", columns: `
        id_paciente | sourceId | id:1
        nombre | firstName | first
        segundo_nombre | middleName | first
        apellido | lastName | last
        fecha_nacimiento | birthDate | dob:eu
        sexo | sex | sex:es
        dni | custom | code:X
        correo_electronico | email | email
        telefono_casa | phoneHome | phone:es
        telefono_movil | phoneMobile | phone:es
        telefono_trabajo | phoneWork | phone:es
        direccion | addressLine1 | street:es
        ciudad | city | city:es
        provincia | region | state:es
        codigo_postal | postalCode | zip:es
        pais | country | country:es
        idioma | language | lang:code
        estado_civil | maritalStatus | marital
        estado | status | pstatus:es
        medico_id | primaryProvider | ref:1-8
        alergias | allergyFlag | bool:si
        aseguradora | custom | carrier
        fecha_alta | createdAt | date:eu
        fecha_modificacion | modifiedAt | date:eu
      ` },
      { name: "citas", object: "appointment", columns: `
        id_cita | sourceId | id:1
        id_paciente | patient | ref:1-400
        id_medico | provider | ref:1-8
        id_clinica | practice | ref:1-3
        fecha_hora_inicio | start | date:eu
        fecha_hora_fin | end | date:eu
        duracion_minutos | durationMinutes | duration
        tipo_cita | type | appttype:es
        estado | status | apptstatus:es
        motivo | reason | reason
        notas | note | note
        importe | custom | money:eur
      ` },
      { name: "medicos", object: "staff", columns: `
        id_medico | sourceId | id:1
        nombre | firstName | first
        apellido | lastName | last
        correo | email | workemail
        cargo | role | role:es
        especialidad | specializations | specialty:es
        numero_colegiado | licenseNumber | license
        activo | active | bool:si
        id_clinica | practice | ref:1-3
      ` },
      { name: "clinicas", object: "practice", columns: `
        id_clinica | sourceId | id:1
        nombre_clinica | name | clinicname:es
        direccion | addressLine1 | street:es
        ciudad | city | city:es
        codigo_postal | postalCode | zip:es
        telefono | phone | phone:es
        correo | email | workemail
        sitio_web | website | url
        horario | operatingHours | hours
      ` },
    ],
  },
  {
    name: "german-praxis",
    style: "German compound column names (Geburtsdatum, Nachname, PLZ), DD.MM.YYYY dates",
    tables: [
      { name: "Patienten", object: "patient", columns: `
        PatientenNr | sourceId | id:1
        Vorname | firstName | first
        Nachname | lastName | last
        Geburtsdatum | birthDate | dob:de
        Geschlecht | sex | sex:de
        Strasse | addressLine1 | street:de
        Adresszusatz | addressLine2 | addr2
        PLZ | postalCode | zip:de
        Ort | city | city:de
        Bundesland | region | state:de
        Land | country | country:de
        Telefon | phoneHome | phone:de
        Mobilnummer | phoneMobile | phone:de
        EMail | email | email
        Krankenkasse | custom | carrier:de
        Versichertennummer | custom | code:A
        Hausarzt | primaryProvider | ref:1-6
        Sprache | language | lang:code
        Familienstand | maritalStatus | marital
        Status | status | pstatus:de
        Sterbedatum | deceasedDate | date:de
        Angelegt | createdAt | date:dets
        Geaendert | modifiedAt | date:dets
      ` },
      { name: "Termine", object: "appointment", columns: `
        TerminNr | sourceId | id:1
        PatientenNr | patient | ref:1-400
        ArztNr | provider | ref:1-6
        Beginn | start | date:dets
        Ende | end | date:dets
        DauerMin | durationMinutes | duration
        Terminart | type | appttype:de
        Status | status | apptstatus:de
        Grund | reason | reason
        Bemerkung | note | note
        Raum | custom | operatory
      ` },
      { name: "Aerzte", object: "staff", columns: `
        ArztNr | sourceId | id:1
        Vorname | firstName | first
        Nachname | lastName | last
        EMail | email | workemail
        Funktion | role | role:de
        Fachrichtung | specializations | specialty:de
        LANR | custom | code:L
        Titel | credentials | creds
        Aktiv | active | bool:jn
      ` },
      { name: "Dokumente", object: "document", columns: `
        DokumentNr | sourceId | id:1
        PatientenNr | patient | ref:1-400
        Dateiname | fileName | filename
        Dateityp | mimeType | mime
        Dateigroesse | sizeBytes | size
        Pfad | content | path
        Kategorie | category | doccat:de
        Hochgeladen | uploadedAt | date:dets
      ` },
    ],
  },
  {
    name: "fhir-flattened",
    style: "FHIR resources flattened to underscore paths (name_given, telecom_phone_home, address_postalCode)",
    profile: "fhir",
    tables: [
      { name: "Patient", object: "patient", key: "id", hint: "patient", columns: `
        id | sourceId | uuid
        identifier_mrn | mrn | mrn
        identifier_ssn | ssn | ssn
        name_family | lastName | last
        name_given | firstName | first
        name_prefix | custom | suffix
        name_suffix | suffix | suffix
        birthDate | birthDate | dob:iso
        gender | sex | sex:fhir
        telecom_phone_home | phoneHome | phone:intl
        telecom_phone_mobile | phoneMobile | phone:intl
        telecom_phone_work | phoneWork | phone:intl
        telecom_email | email | email
        address_line | addressLine1 | street
        address_city | city | city
        address_state | region | state
        address_postalCode | postalCode | zip
        address_country | country | country
        maritalStatus | maritalStatus | marital:code
        communication_language | language | lang:code
        deceased | custom | bool:tf
        generalPractitioner | primaryProvider | uuid
        managingOrganization | custom | uuid
        active | status | bool:tf
        meta_lastUpdated | modifiedAt | date:isoz
      ` },
      { name: "Practitioner", object: "staff", key: "id", hint: "staff", columns: `
        id | sourceId | uuid
        identifier_npi | npi | npi
        name_family | lastName | last
        name_given | firstName | first
        gender | custom | sex:fhir
        telecom_email | email | workemail
        telecom_phone_work | custom | phone:intl
        qualification | credentials | creds
        active | active | bool:tf
        meta_lastUpdated | modifiedAt | date:isoz
      ` },
      { name: "Organization", object: "practice", key: "id", hint: "practice", columns: `
        id | sourceId | uuid
        identifier_npi | npi | npi
        identifier_tax | taxId | ein
        name | name | clinicname
        partOf | parent | uuid
        telecom_phone | phone | phone:intl
        telecom_email | email | workemail
        telecom_url | website | url
        address_line | addressLine1 | street
        address_city | city | city
        address_state | region | state
        address_postalCode | postalCode | zip
        active | active | bool:tf
      ` },
      { name: "Appointment", object: "appointment", key: "id", hint: "appointment", columns: `
        id | sourceId | uuid
        status | status | apptstatus:fhir
        appointmentType | type | appttype
        reasonCode | reason | reason
        start | start | date:isoz
        end | end | date:isoz
        minutesDuration | durationMinutes | duration
        comment | note | note
        participant_patient | patient | uuid
        participant_practitioner | provider | uuid
        participant_location | practice | uuid
        created | createdAt | date:isoz
      ` },
      { name: "DocumentReference", object: "document", key: "id", hint: "document", columns: `
        id | sourceId | uuid
        subject | patient | uuid
        type | category | doccat
        date | uploadedAt | date:isoz
        content_attachment_title | fileName | filename
        content_attachment_contentType | mimeType | mime
        content_attachment_size | sizeBytes | size
        content_attachment_url | content | path
        docStatus | custom | source
      ` },
    ],
  },
  {
    name: "saas-snake-api",
    style: "snake_case SaaS API fields with dotted nested objects (PracticeHub-like)",
    tables: [
      { name: "patients", object: "patient", key: "id", columns: `
        id | sourceId | uuid
        first_name | firstName | first
        last_name | lastName | last
        preferred_name | preferredName | nick
        date_of_birth | birthDate | dob:iso
        sex | sex | sex:fhir
        email | email | email
        phone | phoneHome | phone:intl
        mobile | phoneMobile | phone:intl
        address.line1 | addressLine1 | street
        address.line2 | addressLine2 | addr2
        address.city | city | city
        address.region | region | state
        address.postal_code | postalCode | zip
        address.country | country | country
        primary_practitioner_id | primaryProvider | uuid
        status | status | pstatus:en
        insurance.carrier | custom | carrier
        insurance.member_id | custom | policy
        referral.source | referralSource | refsrc
        custom_fields.parking_permit | custom | permit
        custom_fields.newsletter_opt_in | custom | bool:tf
        created_at | createdAt | date:isoz
        modified_at | modifiedAt | date:isoz
      ` },
      { name: "clinic_assignments", object: "patientPracticeLink", key: "id", columns: `
        id | sourceId | uuid
        patient_id | patient | uuid
        clinic_id | practice | uuid
        started_on | startDate | date:iso
        ended_on | endDate | date:iso
        created_at | createdAt | date:isoz
        modified_at | modifiedAt | date:isoz
      ` },
      { name: "clinical_notes", object: "clinicalNote", key: "id", columns: `
        id | sourceId | uuid
        patient_id | patient | uuid
        appointment_id | appointment | uuid
        author_id | author | uuid
        title | title | title
        body | body | note
        created_at | writtenAt | date:isoz
        modified_at | modifiedAt | date:isoz
      ` },
      { name: "clinics", object: "practice", key: "id", columns: `
        id | sourceId | uuid
        name | name | clinicname
        parent_clinic_id | parent | uuid
        address.line1 | addressLine1 | street
        address.city | city | city
        address.postal_code | postalCode | zip
        phone | phone | phone:intl
        email | email | workemail
        website | website | url
        timezone | custom | timezone
        active | active | bool:tf
      ` },
    ],
  },
  {
    name: "clinic-fullname-export",
    style: "A small clinic's export with one 'Full Name' column and short everyday headers",
    notes: "'Full Name' holds first and last name together. It is labelled custom: no model field holds a whole name, and a split rule is out of scope; mapping it to lastName would put first names into lastName.",
    tables: [
      { name: "clients", object: "patient", columns: `
        Client ID | sourceId | id:1
        Full Name | custom | fullname
        Birthday | birthDate | dob:us
        Gender | sex | sex:word
        Phone | phoneHome | phone:dash
        Cell | phoneMobile | phone:dash
        Email | email | email
        Address | addressLine1 | street
        Town | city | city
        Postcode | postalCode | zip:uk
        Emergency Contact | emergencyContact | emerg
        Pharmacy | preferredPharmacy | pharmacy
        Alerts | medicalAlerts | alerts
        Client Since | custom | date:us
        Last Updated | modifiedAt | date:usts
      ` },
      { name: "client_locations", object: "patientPracticeLink", columns: `
        Client ID | patient | ref:1-300
        Location ID | practice | ref:1-3
        Type | role | linkrole:word
        From | startDate | date:us
        To | endDate | date:us
      ` },
      { name: "chart_notes", object: "clinicalNote", columns: `
        Note ID | sourceId | id:1
        Client ID | patient | ref:1-300
        Visit ID | appointment | ref:1-900
        Written By | author | ref:1-5
        Subject | title | title
        Note | body | note
        Note Date | writtenAt | date:usts
        Signed | custom | bool:yn
      ` },
      { name: "attachments", object: "document", columns: `
        Attachment ID | sourceId | id:1
        Client ID | patient | ref:1-300
        File Name | fileName | filename
        File Type | mimeType | mime
        Size | sizeBytes | size
        Stored As | content | path
        Kind | category | doccat
        Date Added | uploadedAt | date:us
      ` },
    ],
  },
];
