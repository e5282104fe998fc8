import type { SchemaSpec } from "./match-corpus-spec.js";

/** English-language schemas in four naming styles. */
export const englishSpecs: readonly SchemaSpec[] = [
  {
    name: "visual-practice-like",
    style: "PascalCase with table-name prefixes, a vendor profile naming keys and objects (Visual Practice-like)",
    profile: "visual-practice",
    tables: [
      { name: "Patients", object: "patient", key: "PatientNo", hint: "patient", columns: `
        PatientNo | sourceId | id:20001
        ChartNo | mrn | chart
        PatFirst | firstName | first
        PatMI | middleName | middle
        PatLast | lastName | last
        PatSuffix | suffix | suffix
        BirthDate | birthDate | dob:us
        Gender | sex | sex:mf
        SocSecNo | ssn | ssn
        EMailAddress | email | email
        PhoneHome | phoneHome | phone:paren
        PhoneCell | phoneMobile | phone:paren
        PhoneWork | phoneWork | phone:paren
        Street1 | addressLine1 | street
        Street2 | addressLine2 | addr2
        City | city | city
        State | region | state
        ZipCode | postalCode | zip
        PrefLanguage | language | lang
        MaritalStat | maritalStatus | marital:code
        EmergContact | emergencyContact | emerg
        PrimaryProvNo | primaryProvider | ref:500-12
        PatStatus | status | pstatus:en
        RecallDue | recallDate | future:us
        InsCarrier | custom | carrier
        BalanceDue | custom | money
        ChairColor | custom | color
        DateEntered | createdAt | date:usts
        DateChanged | modifiedAt | date:usts
      ` },
      { name: "Providers", object: "staff", key: "ProvNo", hint: "staff", columns: `
        ProvNo | sourceId | id:500
        ProvFirst | firstName | first
        ProvLast | lastName | last
        ProvEmail | email | workemail
        ProvType | role | role:en
        ProvNPI | npi | npi
        StateLicense | licenseNumber | license
        DEANo | deaNumber | dea
        Specialty | specializations | specialty
        Degree | credentials | creds
        OfficeNo | practice | ref:1-5
        Inactive | custom | bool:yn
        DateChanged | modifiedAt | date:usts
      ` },
      { name: "Offices", object: "practice", key: "OfficeNo", hint: "practice", columns: `
        OfficeNo | sourceId | id:1
        OfficeName | name | clinicname
        GroupNPI | npi | npi
        FedTaxID | taxId | ein
        Street1 | addressLine1 | street
        City | city | city
        State | region | state
        ZipCode | postalCode | zip9
        MainPhone | phone | phone:paren
        FaxNo | custom | phone:paren
        WebSite | website | url
        OfficeHours | operatingHours | hours
      ` },
      { name: "Appointments", object: "appointment", key: "ApptNo", hint: "appointment", columns: `
        ApptNo | sourceId | id:70001
        PatientNo | patient | ref:20001-400
        ProvNo | provider | ref:500-12
        OfficeNo | practice | ref:1-5
        ApptDateTime | start | date:usts
        ApptLength | durationMinutes | duration
        ApptKind | type | appttype
        ApptState | status | apptstatus
        VisitReason | reason | reason
        ApptMemo | note | note
        Operatory | custom | operatory
        ProcCode | custom | cdt
        DateEntered | createdAt | date:usts
      ` },
    ],
  },
  {
    name: "verbose-english",
    style: "Spelled-out English headers with spaces, no key or object hints (a report writer's export)",
    tables: [
      { name: "Patient Demographics", object: "patient", columns: `
        Patient Identifier | sourceId | id:1
        Medical Record Number | mrn | mrn
        Patient First Name | firstName | first
        Patient Middle Name | middleName | middle
        Patient Last Name | lastName | last
        Patient Preferred Name | preferredName | nick
        Patient Date Of Birth | birthDate | dob:us
        Patient Sex | sex | sex:word
        Social Security Number | ssn | ssn
        Primary Email Address | email | email
        Home Telephone Number | phoneHome | phone:dash
        Mobile Telephone Number | phoneMobile | phone:dash
        Business Telephone Number | phoneWork | phone:dash
        Street Address Line One | addressLine1 | street
        Street Address Line Two | addressLine2 | addr2
        City Name | city | city
        State Or Province | region | state
        Postal Code | postalCode | zip
        Country Name | country | country
        Preferred Method Of Contact | preferredContactMethod | contactpref
        Date Of Death | deceasedDate | date:us
        Referral Source Description | referralSource | refsrc
        Has Allergies | allergyFlag | bool:yn
        Medical Alert Text | medicalAlerts | alerts
        Primary Care Provider Identifier | primaryProvider | ref:10-8
        Insurance Policy Number | custom | policy
        Insurance Group Number | custom | group
        Parking Permit Number | custom | permit
        Newsletter Opt In | custom | bool:yn
        Record Created On | createdAt | date:usts
        Record Last Updated On | modifiedAt | date:usts
      ` },
      { name: "Patient Clinic Associations", object: "patientPracticeLink", columns: `
        Association Identifier | sourceId | id:500
        Patient Identifier | patient | ref:1-300
        Clinic Identifier | practice | ref:1-4
        Relationship Type | role | linkrole:word
        Association Start Date | startDate | date:us
        Association End Date | endDate | date:us
        Record Last Updated On | modifiedAt | date:usts
      ` },
      { name: "Clinical Progress Notes", object: "clinicalNote", columns: `
        Note Identifier | sourceId | id:9000
        Patient Identifier | patient | ref:1-300
        Visit Identifier | appointment | ref:4000-500
        Authoring Clinician Identifier | author | ref:10-8
        Note Subject | title | title
        Note Text Body | body | note
        Text Format | format | format
        Date Written | writtenAt | date:usts
        Word Count | custom | int:20-400
      ` },
    ],
  },
  {
    name: "allcaps-legacy",
    style: "ALLCAPS run-together legacy DOS-era headers, YYYYMMDD dates, no hints",
    tables: [
      { name: "PATMAST", object: "patient", columns: `
        PATNO | sourceId | id:100
        LNAME | lastName | last
        FNAME | firstName | first
        MINIT | middleName | middle
        BDATE | birthDate | dob:ymd
        SEX | sex | sex:mf
        SSNO | ssn | ssnraw
        HPHONE | phoneHome | phone:raw
        WPHONE | phoneWork | phone:raw
        CPHONE | phoneMobile | phone:raw
        ADDR1 | addressLine1 | street
        ADDR2 | addressLine2 | addr2
        CITY | city | city
        ST | region | state
        ZIPCD | postalCode | zip
        EMAIL | email | email
        PROVNO | primaryProvider | ref:1-9
        STATUS | status | pstatus:code
        ALLERGY | allergyFlag | bool:yn
        LASTVISIT | custom | date:ymd
        BALDUE | custom | money:plain
        RECALL | recallDate | future:ymd
        MARITAL | maritalStatus | marital:code
        CHGDATE | modifiedAt | date:ymdts
      ` },
      { name: "PROVMAST", object: "staff", columns: `
        PROVNO | sourceId | id:1
        LNAME | lastName | last
        FNAME | firstName | first
        NPINO | npi | npi
        LICNO | licenseNumber | license
        DEANO | deaNumber | dea
        PROVTYPE | role | role:code
        SPECCD | specializations | specialty
        ACTIVE | active | bool:yn
        OFFCD | practice | ref:1-3
        COLOR | custom | color
      ` },
      { name: "APPTBOOK", object: "appointment", columns: `
        APPTNO | sourceId | id:50000
        PATNO | patient | ref:100-400
        PROVNO | provider | ref:1-9
        APPTDATE | start | date:ymdts
        APPTLEN | durationMinutes | duration
        APPTTYPE | type | appttype
        APPTSTAT | status | apptstatus:code
        REASON | reason | reason
        CHAIR | custom | chair
        CONFIRMED | custom | bool:yn
      ` },
    ],
  },
  {
    name: "messy-spreadsheet",
    style: "A hand-kept spreadsheet: punctuation, abbreviations and units in headers, no hints",
    notes: "'Patient #' is the sheet's own row number for the patient: labelled sourceId.",
    tables: [
      { name: "Patient List", object: "patient", columns: `
        Patient # | sourceId | id:1
        Last | lastName | last
        First | firstName | first
        M.I. | middleName | middle
        D.O.B. | birthDate | dob:us
        Sex (M/F) | sex | sex:mf
        E-mail | email | email
        Mobile # | phoneMobile | phone:paren
        Home # | phoneHome | phone:paren
        Work # | phoneWork | phone:paren
        Street Address | addressLine1 | street
        Apt/Suite | addressLine2 | addr2
        City | city | city
        State | region | state
        ZIP | postalCode | zip
        Ins. Co. | custom | carrier
        Pref. contact? | preferredContactMethod | contactpref
        Referred by | referralSource | refsrc
        Allergies? | allergyFlag | bool:yn
        Notes | custom | comment
        Last Visit | custom | date:us
        Newsletter? | custom | bool:yn
        Balance ($) | custom | money
        Added | createdAt | date:us
      ` },
      { name: "Dr list", object: "staff", columns: `
        Dr. | lastName | last
        First name | firstName | first
        E-mail | email | workemail
        NPI # | npi | npi
        Lic. # | licenseNumber | license
        Position | role | role:en
        Creds | credentials | creds
        Active? | active | bool:yn
        Cell | custom | phone:paren
      ` },
      { name: "Schedule", object: "appointment", columns: `
        Date/Time | start | date:usts
        Ends | end | date:usts
        Pt # | patient | ref:1-300
        Dr. | provider | ref:1-6
        Mins | durationMinutes | duration
        Visit type | type | appttype
        Status | status | apptstatus
        Why | reason | reason
        Paid? | paymentStatus | paystatus
        Comments | note | note
      ` },
    ],
  },
];
