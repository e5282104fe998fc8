import type { SchemaSpec } from "./match-corpus-spec.js";

/** Vendor-flavoured schemas: dental abbreviations, vendor prefixes, Salesforce-ish, camelCase. */
export const vendorSpecs: readonly SchemaSpec[] = [
  {
    name: "core-practice-dental",
    style: "Dental PM abbreviations in snake_case (Core Practice-like): _nm, _dt, _cd suffixes, YYYYMMDD dates",
    tables: [
      { name: "pat", object: "patient", key: "pat_id", columns: `
        pat_id | sourceId | id:300000
        chart_no | mrn | chart
        last_nm | lastName | last
        first_nm | firstName | first
        mid_init | middleName | middle
        pref_nm | preferredName | nick
        birth_dt | birthDate | dob:ymd
        sex_cd | sex | sex:mf
        ssn_no | ssn | ssnraw
        home_ph | phoneHome | phone:dash
        cell_ph | phoneMobile | phone:dash
        wk_ph | phoneWork | phone:dash
        email_addr | email | email
        addr_ln1 | addressLine1 | street
        addr_ln2 | addressLine2 | addr2
        city_nm | city | city
        st_cd | region | state
        zip_cd | postalCode | zip
        prim_prov_id | primaryProvider | ref:40-10
        pat_stat_cd | status | pstatus:code
        recall_dt | recallDate | future:ymd
        ref_src_cd | referralSource | refsrc
        prim_ins_carrier_nm | custom | carrier
        prim_ins_subscr_id | custom | policy
        prim_ins_grp_no | custom | group
        bal_amt | custom | money:plain
        crt_dt | createdAt | date:ymd
        upd_dt | modifiedAt | date:ymd
      ` },
      { name: "prov", object: "staff", key: "prov_id", columns: `
        prov_id | sourceId | id:40
        last_nm | lastName | last
        first_nm | firstName | first
        prov_npi | npi | npi
        lic_no | licenseNumber | license
        dea_no | deaNumber | dea
        prov_type_cd | role | role:code
        spec_cd | specializations | specialty
        cred_txt | credentials | creds
        home_loc_id | practice | ref:1-3
        actv_ind | active | bool:yn
        upd_dt | modifiedAt | date:ymd
      ` },
      { name: "appt", object: "appointment", key: "appt_id", columns: `
        appt_id | sourceId | id:900000
        pat_id | patient | ref:300000-500
        prov_id | provider | ref:40-10
        loc_id | practice | ref:1-3
        appt_dt | start | date:ymdts
        appt_end_dt | end | date:ymdts
        appt_len_min | durationMinutes | duration
        appt_type_cd | type | appttype
        appt_stat_cd | status | apptstatus:code
        appt_rsn_txt | reason | reason
        appt_note_txt | note | note
        pmt_stat_cd | paymentStatus | paystatus:code
        cdt_cd | custom | cdt
        tooth_no | custom | tooth
        surf_cd | custom | surface
        dx_cd | custom | icd10
        fee_amt | custom | money:plain
        crt_dt | createdAt | date:ymd
      ` },
      { name: "pat_loc", object: "patientPracticeLink", columns: `
        pat_id | patient | ref:300000-500
        loc_id | practice | ref:1-3
        rel_cd | role | linkrole
        eff_dt | startDate | date:ymd
        term_dt | endDate | date:ymd
      ` },
    ],
  },
  {
    name: "vendor-prefixed",
    style: "Every column carries the vendor's prefix (VP_PAT_…, VP_DOC_…) plus zz_ housekeeping columns",
    tables: [
      { name: "VP_PATIENT", object: "patient", columns: `
        VP_PAT_ID | sourceId | id:7000
        VP_PAT_FNAME | firstName | first
        VP_PAT_LNAME | lastName | last
        VP_PAT_DOB | birthDate | dob:iso
        VP_PAT_GENDER | sex | sex:word
        VP_PAT_SSN | ssn | ssn
        VP_PAT_EMAIL | email | email
        VP_PAT_HOME_PHONE | phoneHome | phone:paren
        VP_PAT_MOBILE_PHONE | phoneMobile | phone:paren
        VP_PAT_ADDR1 | addressLine1 | street
        VP_PAT_CITY | city | city
        VP_PAT_STATE | region | state
        VP_PAT_ZIP | postalCode | zip
        VP_PAT_LANG | language | lang:code
        VP_PAT_CONSENT | consentStatus | consent
        VP_PAT_PHARMACY | preferredPharmacy | pharmacy
        VP_PAT_DECEASED_DT | deceasedDate | date:iso
        zz_row_hash | custom | hex
        zz_import_batch | custom | int:1-40
        zz_legacy_flag | custom | bool:10
        VP_PAT_CREATED_TS | createdAt | date:isots
        VP_PAT_MODIFIED_TS | modifiedAt | date:isots
      ` },
      { name: "VP_DOCUMENT", object: "document", columns: `
        VP_DOC_ID | sourceId | id:1
        VP_DOC_PAT_ID | patient | ref:7000-400
        VP_DOC_FILE_NAME | fileName | filename
        VP_DOC_MIME | mimeType | mime
        VP_DOC_BYTES | sizeBytes | size
        VP_DOC_PATH | content | path
        VP_DOC_CATEGORY | category | doccat:code
        VP_DOC_UPLOAD_TS | uploadedAt | date:isots
        zz_row_hash | custom | hex
        zz_scanner_id | custom | int:1-6
      ` },
      { name: "VP_NOTE", object: "clinicalNote", columns: `
        VP_NOTE_ID | sourceId | id:1
        VP_NOTE_PAT_ID | patient | ref:7000-400
        VP_NOTE_APPT_ID | appointment | ref:100-600
        VP_NOTE_AUTHOR_ID | author | ref:1-8
        VP_NOTE_TITLE | title | title
        VP_NOTE_TEXT | body | note
        VP_NOTE_FMT | format | format
        VP_NOTE_WRITTEN_TS | writtenAt | date:isots
        zz_row_hash | custom | hex
      ` },
    ],
  },
  {
    name: "salesforce-ish",
    style: "Salesforce-style API names: standard CamelCase fields plus __c custom fields, 18-character ids",
    tables: [
      { name: "Contact", object: "patient", key: "Id", columns: `
        Id | sourceId | sfid:003
        FirstName | firstName | first
        LastName | lastName | last
        Birthdate | birthDate | dob:iso | type=date
        Email | email | email | type=email
        HomePhone | phoneHome | phone:paren | type=phone
        MobilePhone | phoneMobile | phone:paren | type=phone
        OtherPhone | custom | phone:paren | type=phone
        MailingStreet | addressLine1 | street
        MailingCity | city | city
        MailingState | region | state
        MailingPostalCode | postalCode | zip
        MailingCountry | country | country
        Gender__c | sex | sex:word | type=picklist
        SSN__c | ssn | ssn
        MRN__c | mrn | mrn
        Preferred_Language__c | language | lang | type=picklist
        Patient_Status__c | status | pstatus:en | type=picklist
        Primary_Provider__c | primaryProvider | sfid:005 | type=reference
        Parking_Permit__c | custom | permit
        Newsletter_Opt_In__c | custom | bool:tf | type=boolean
        HasOptedOutOfEmail | custom | bool:tf | type=boolean
        CreatedDate | createdAt | date:isoz | type=datetime
        LastModifiedDate | modifiedAt | date:isoz | type=datetime
      ` },
      { name: "Account", object: "practice", key: "Id", columns: `
        Id | sourceId | sfid:001
        Name | name | clinicname
        ParentId | parent | sfid:001 | type=reference
        NPI__c | npi | npi
        Tax_ID__c | taxId | ein
        Industry | specialty | specialty | type=picklist
        NumberOfEmployees | size | int:3-60 | type=int
        BillingStreet | addressLine1 | street
        BillingCity | city | city
        BillingState | region | state
        BillingPostalCode | postalCode | zip
        Phone | phone | phone:paren | type=phone
        Website | website | url | type=url
        Is_Active__c | active | bool:tf | type=boolean
        AnnualRevenue | custom | money:plain | type=currency
        Rating | custom | rating
      ` },
      { name: "Appointment__c", object: "appointment", key: "Id", columns: `
        Id | sourceId | sfid:a01
        Patient__c | patient | sfid:003 | type=reference
        Provider__c | provider | sfid:005 | type=reference
        Location__c | practice | sfid:001 | type=reference
        Start_Time__c | start | date:isoz | type=datetime
        End_Time__c | end | date:isoz | type=datetime
        Duration_Minutes__c | durationMinutes | duration | type=double
        Appointment_Type__c | type | appttype | type=picklist
        Status__c | status | apptstatus | type=picklist
        Reason_For_Visit__c | reason | reason
        Notes__c | note | note | type=textarea
        Payment_Status__c | paymentStatus | paystatus | type=picklist
        Reminder_Sent__c | custom | bool:tf | type=boolean
      ` },
    ],
  },
  {
    name: "camel-case-api",
    style: "camelCase JSON API fields with unit suffixes and On/At dates",
    tables: [
      { name: "patientRecords", object: "patient", key: "patientId", columns: `
        patientId | sourceId | uuid
        givenName | firstName | first
        familyName | lastName | last
        nickName | preferredName | nick
        dateOfBirth | birthDate | dob:iso
        genderCode | sex | sex:fhir
        emailAddress | email | email
        mobileNumber | phoneMobile | phone:intl
        landlineNumber | phoneHome | phone:intl
        streetAddress | addressLine1 | street
        locality | city | city
        stateCode | region | state
        postalCode | postalCode | zip
        countryCode | country | country
        preferredLanguage | language | lang:code
        isDeceased | custom | bool:tf
        accountBalanceCents | custom | int:0-90000
        loyaltyTier | custom | color
        createdOn | createdAt | date:isoz
        updatedOn | modifiedAt | date:isoz
      ` },
      { name: "documentRecords", object: "document", key: "documentId", columns: `
        documentId | sourceId | uuid
        patientId | patient | uuid
        originalFileName | fileName | filename
        contentType | mimeType | mime
        fileSizeBytes | sizeBytes | size
        storagePath | content | path
        docCategory | category | doccat
        uploadedAt | uploadedAt | date:isoz
        pageCount | custom | int:1-12
        checksumSha1 | custom | hex
      ` },
      { name: "staffMembers", object: "staff", key: "staffId", columns: `
        staffId | sourceId | uuid
        givenName | firstName | first
        familyName | lastName | last
        workEmail | email | workemail
        jobTitle | role | role:en
        npiNumber | npi | npi
        licenseNumber | licenseNumber | license
        specialties | specializations | specialty
        homeLocationId | practice | uuid
        isActive | active | bool:tf
        hireDate | custom | date:iso
        updatedOn | modifiedAt | date:isoz
      ` },
    ],
  },
];
