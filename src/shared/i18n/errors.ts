import type { UiLanguage } from '../contracts/common.ts';

/**
 * Problem codes returned by the API with their Swedish and English messages. The code is stable
 * (clients may branch on it); the message is for people.
 */
export const problemMessages = {
  validation_failed: { sv: 'Uppgifterna är inte giltiga.', en: 'The submitted data is not valid.' },
  unauthenticated: { sv: 'Du behöver logga in.', en: 'You need to log in.' },
  forbidden: { sv: 'Du har inte behörighet till det här.', en: 'You are not allowed to do this.' },
  not_found: { sv: 'Det du letar efter finns inte.', en: 'What you are looking for does not exist.' },
  // Action plans, funding and benefit summaries, the needs backlog (issue 7).
  date_in_future: {
    sv: 'Datumet ligger i framtiden. Välj i dag eller ett tidigare datum.',
    en: 'The date is in the future. Choose today or an earlier date.',
  },
  scope_required: {
    sv: 'Välj en region, en samverkan eller en handlingsplan.',
    en: 'Choose a region, an association or an action plan.',
  },
  already_in_plan: {
    sv: 'Insatsen finns redan i handlingsplanen.',
    en: 'The initiative is already in the action plan.',
  },
  need_already_decided: {
    sv: 'Behovet är redan prioriterat eller avslaget.',
    en: 'The need has already been prioritised or declined.',
  },
  own_need: {
    sv: 'Kommunen har själv föreslagit behovet och kan inte ställa sig bakom det en gång till.',
    en: 'The municipality proposed the need itself and cannot endorse it as well.',
  },
  already_endorsed: {
    sv: 'Kommunen står redan bakom behovet.',
    en: 'The municipality has already endorsed the need.',
  },
  csrf_failed: {
    sv: 'Säkerhetskontrollen misslyckades. Ladda om sidan och försök igen.',
    en: 'The security check failed. Reload the page and try again.',
  },
  invalid_credentials: { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
  account_locked: {
    sv: 'För många misslyckade inloggningar. Inloggningen är spärrad en stund. Om adressen har ett konto hos oss har vi mejlat en länk som låser upp det direkt.',
    en: 'Too many failed logins. Logging in is blocked for a while. If the address has an account with us, we have e-mailed it a link that unlocks it at once.',
  },
  rate_limited: {
    sv: 'För många förfrågningar. Vänta en stund.',
    en: 'Too many requests. Please wait a moment.',
  },
  password_too_short: {
    sv: 'Lösenordet måste ha minst 12 tecken.',
    en: 'The password must be at least 12 characters long.',
  },
  password_too_common: {
    sv: 'Lösenordet är för vanligt. Välj ett som är svårare att gissa.',
    en: 'The password is too common. Choose one that is harder to guess.',
  },
  password_wrong: { sv: 'Nuvarande lösenord stämmer inte.', en: 'The current password is wrong.' },
  token_invalid: {
    sv: 'Länken är ogiltig eller har gått ut. Be om en ny.',
    en: 'The link is invalid or has expired. Ask for a new one.',
  },
  role_not_grantable: {
    sv: 'Du kan inte ge den rollen i den här organisationen.',
    en: 'You cannot grant that role in this organisation.',
  },
  user_not_found: {
    sv: 'Det finns ingen person med den e-postadressen. Bjud in personen i stället.',
    en: 'There is no person with that e-mail address. Invite the person instead.',
  },
  cannot_remove_own_role: {
    sv: 'Du kan inte ta bort din egen roll. Be en annan samordnare göra det.',
    en: 'You cannot remove your own role. Ask another coordinator to do it.',
  },
  import_not_found: { sv: 'Importen finns inte.', en: 'The import does not exist.' },
  import_not_preview: {
    sv: 'Importen är redan startad eller klar.',
    en: 'The import has already been started or finished.',
  },
  statement_conflict: {
    sv: 'En aktivitet med samma id finns redan med annat innehåll. Den har inte sparats.',
    en: 'An activity with the same id already exists with other content. It has not been saved.',
  },
  course_not_completed: {
    sv: 'Kursen är inte klar ännu. Intyget kan hämtas när alla delar är klara.',
    en: 'The course is not completed yet. The certificate is available when every part is done.',
  },
  membership_exists: {
    sv: 'Personen har redan den rollen här.',
    en: 'The person already has that role here.',
  },
  unknown_municipality: { sv: 'Okänd kommunkod.', en: 'Unknown municipality code.' },
  invalid_parent: {
    sv: 'En enhet måste ligga i en kommun.',
    en: 'A unit must belong to a municipality.',
  },
  name_taken: { sv: 'Namnet används redan här.', en: 'The name is already in use here.' },
  file_required: { sv: 'Välj en fil att ladda upp.', en: 'Choose a file to upload.' },
  file_too_large: { sv: 'Filen är för stor.', en: 'The file is too large.' },
  csv_unreadable: {
    sv: 'Filen kunde inte läsas som CSV. Spara den som CSV (semikolon- eller kommaseparerad) i Excel.',
    en: 'The file could not be read as CSV. Save it as CSV (semicolon or comma separated) in Excel.',
  },
  csv_missing_columns: {
    sv: 'Filen saknar obligatoriska kolumner: e-post och namn.',
    en: 'The file lacks required columns: e-mail and name.',
  },
  import_has_no_valid_rows: { sv: 'Filen har inga giltiga rader.', en: 'The file has no valid rows.' },
  csv_missing_adoption_columns: {
    sv: 'Filen saknar obligatoriska kolumner: teknik och läge.',
    en: 'The file lacks required columns: technology and status.',
  },
  csv_rows_invalid: {
    sv: 'Några rader i filen är inte giltiga. Inget har sparats; rätta raderna och försök igen.',
    en: 'Some rows of the file are not valid. Nothing has been saved; correct the rows and try again.',
  },
  programme_municipality_out_of_scope: {
    sv: 'En deltagande kommun ligger utanför programägarens område.',
    en: 'A participating municipality lies outside the programme owner’s area.',
  },
  invalid_programme_owner: {
    sv: 'Ett program ägs av en region, en samverkan eller en kommun.',
    en: 'A programme is owned by a region, an association or a municipality.',
  },
  self_enrolment_closed: {
    sv: 'Programmet tar inte emot egen anmälan, eller så arbetar du inte i en deltagande kommun.',
    en: 'The programme does not take self-enrolment, or you do not work in a participating municipality.',
  },
  csv_missing_email_column: {
    sv: 'Filen saknar kolumnen e-post.',
    en: 'The file lacks the e-mail column.',
  },
  meeting_not_started: {
    sv: 'Närvaro kan registreras först när träffen har börjat.',
    en: 'Attendance can be recorded once the meeting has started.',
  },
  conflict: {
    sv: 'Ändringen krockar med befintliga uppgifter.',
    en: 'The change conflicts with existing data.',
  },
  // Networks and groups (issue 5).
  network_member_exists: {
    sv: 'Personen är redan med i gruppen.',
    en: 'The person is already in the group.',
  },
  event_full: {
    sv: 'Evenemanget är fullbokat. Det finns inga platser kvar.',
    en: 'The event is fully booked. There are no places left.',
  },
  already_registered: {
    sv: 'Den e-postadressen är redan anmäld till evenemanget.',
    en: 'That e-mail address is already registered for the event.',
  },
  registration_closed: {
    sv: 'Anmälan till evenemanget är stängd.',
    en: 'Registration for the event is closed.',
  },
  capacity_below_registrations: {
    sv: 'Fler har redan anmält sig än det nya antalet platser.',
    en: 'More people have already registered than the new number of places.',
  },
  internal_error: {
    sv: 'Något gick fel hos oss. Försök igen om en stund.',
    en: 'Something went wrong on our side. Try again in a moment.',
  },
  not_ready: { sv: 'Tjänsten startar fortfarande.', en: 'The service is still starting.' },
  // Out of disk, a read-only or unreachable database: nothing was saved, and trying again later may work.
  database_unavailable: {
    sv: 'Databasen går inte att nå just nu. Inget har sparats. Försök igen om en stund.',
    en: 'The database cannot be reached right now. Nothing was saved. Try again in a moment.',
  },
  // Governing documents: uploads are checked by content; nothing is stored when one is refused.
  document_too_large: {
    sv: 'Filen är för stor. Den får vara högst 10 MB. Inget har sparats.',
    en: 'The file is too large. It may be at most 10 MB. Nothing has been saved.',
  },
  document_type_not_allowed: {
    sv: 'Filtypen stöds inte. Ladda upp en PDF, en Word-fil (DOCX) eller en OpenDocument-text (ODT). Inget har sparats.',
    en: 'The file type is not supported. Upload a PDF, a Word file (DOCX) or an OpenDocument text (ODT). Nothing has been saved.',
  },
  document_content_mismatch: {
    sv: 'Filens innehåll stämmer inte med filnamnet: det är ingen riktig PDF, DOCX eller ODT. Inget har sparats.',
    en: 'The content of the file does not match its name: it is not a real PDF, DOCX or ODT. Nothing has been saved.',
  },
  document_executable: {
    sv: 'Filen är ett program, oavsett vad den heter, och kan inte laddas upp. Inget har sparats.',
    en: 'The file is a program, whatever its name, and cannot be uploaded. Nothing has been saved.',
  },
  document_unreadable: {
    sv: 'Filen kunde inte läsas. Den kan vara skadad eller lösenordsskyddad. Spara den på nytt utan lösenord och försök igen. Inget har sparats.',
    en: 'The file could not be read. It may be damaged or password protected. Save it again without a password and try again. Nothing has been saved.',
  },
  document_owner_not_allowed: {
    sv: 'Du kan bara lägga in styrdokument som din egen organisation äger.',
    en: 'You can only add governing documents owned by your own organisation.',
  },
  technology_exists: {
    sv: 'Det finns redan en teknik med den nyckeln.',
    en: 'There is already a technology with that key.',
  },
  // Assessments (issue 6)
  answer_conflict: {
    sv: 'Någon annan har ändrat svaret medan du arbetade. Välj vilket svar som ska gälla.',
    en: 'Someone else changed the answer while you were working. Choose which answer to keep.',
  },
  round_closed: {
    sv: 'Omgången är stängd och tar inte emot fler svar.',
    en: 'The round is closed and takes no more answers.',
  },
  sheet_submitted: {
    sv: 'Svaren är redan inskickade. Be regionen öppna dem igen om något behöver ändras.',
    en: 'The answers have already been submitted. Ask the region to reopen them if something needs changing.',
  },
  sheet_not_submitted: { sv: 'Svaren är inte inskickade.', en: 'The answers have not been submitted.' },
  sheet_incomplete: {
    sv: 'Alla obligatoriska frågor är inte besvarade.',
    en: 'Not all required questions are answered.',
  },
  template_key_taken: {
    sv: 'Det finns redan en mall med den nyckeln.',
    en: 'A template with that key already exists.',
  },
  template_has_no_draft: {
    sv: 'Mallen har inget utkast att publicera.',
    en: 'The template has no draft to publish.',
  },
  invalid_round_owner: {
    sv: 'En omgång ägs av en region, ett samverkansområde eller den nationella nivån.',
    en: 'A round is owned by a region, an association or the national level.',
  },
  // Initiatives and benefits (issue 7)
  municipality_outside_scope: {
    sv: 'Kommunen ligger utanför ägarens område.',
    en: 'The municipality lies outside the owner’s area.',
  },
  unknown_technology: {
    sv: 'Tekniken finns inte i katalogen.',
    en: 'The technology is not in the catalogue.',
  },
  unknown_checklist_item: {
    sv: 'Punkten finns inte i fasens checklista.',
    en: 'The item is not in the phase’s checklist.',
  },
  measurement_before_baseline: {
    sv: 'Mätningen kan inte ligga före baslinjens datum.',
    en: 'The measurement cannot be dated before the baseline.',
  },
  measurement_in_future: {
    sv: 'Mätningen kan inte ha ett datum i framtiden.',
    en: 'The measurement cannot be dated in the future.',
  },
  baseline_after_measurement: {
    sv: 'Baslinjen kan inte flyttas till efter en mätning som redan finns.',
    en: 'The baseline cannot be moved after an existing measurement.',
  },
  unknown_document: {
    sv: 'Styrdokumentet finns inte.',
    en: 'The governing document does not exist.',
  },
  unknown_programme: {
    sv: 'Programmet finns inte eller är inte synligt för dig.',
    en: 'The programme does not exist or is not visible to you.',
  },
  feed_not_readable: {
    sv: 'Du kan inte läsa kartläggningen för den kommunen.',
    en: 'You cannot read that municipality’s mapping.',
  },
  feed_value_missing: {
    sv: 'Det finns inget värde att hämta ännu.',
    en: 'There is no value to fetch yet.',
  },
  indicator_not_fed: {
    sv: 'Indikatorn hämtar inga värden automatiskt.',
    en: 'The indicator is not measured automatically.',
  },
  // Dashboards (issue 8).
  unknown_dashboard_scope: {
    sv: 'Det finns ingen region eller samverkan med den koden. Använd SE, en länskod som 20 eller en samverkans id.',
    en: 'There is no region or association with that code. Use SE, a county code such as 20 or an association id.',
  },
  // Steering-group reports (issue 8).
  report_issued: {
    sv: 'Rapporten är fastställd och kan inte ändras.',
    en: 'The report has been issued and cannot be changed.',
  },
  narrative_conflict: {
    sv: 'Någon annan har sparat avsnittet sedan du öppnade det. Ladda om sidan och försök igen.',
    en: 'Someone else has saved the section since you opened it. Reload the page and try again.',
  },
  case_not_editable: {
    sv: 'Exemplet kan bara ändras som utkast eller när det har skickats tillbaka eller dragits tillbaka.',
    en: 'The case can only be changed as a draft or after it has been returned or withdrawn.',
  },
  case_not_submitted: {
    sv: 'Exemplet väntar inte på granskning.',
    en: 'The case is not waiting for review.',
  },
  case_not_published: {
    sv: 'Exemplet är inte publicerat.',
    en: 'The case is not published.',
  },
  case_no_contact: {
    sv: 'Exemplet har ingen kontaktperson som gått med på att bli kontaktad.',
    en: 'The case has no contact person who agreed to be contacted.',
  },
  attachment_type_not_allowed: {
    sv: 'Filtypen stöds inte. Bifoga en PDF, en Word-fil (DOCX), en OpenDocument-text (ODT) eller en bild (PNG eller JPEG). Inget har sparats.',
    en: 'The file type is not supported. Attach a PDF, a Word file (DOCX), an OpenDocument text (ODT) or an image (PNG or JPEG). Nothing has been saved.',
  },
  too_many_attachments: {
    sv: 'Exemplet har redan så många bilagor som det får ha (10).',
    en: 'The case already has as many attachments as it may have (10).',
  },
  // Shared definitions (issue 8).
  definition_exists: {
    sv: 'Det finns redan ett begrepp med den nyckeln hos den ägaren.',
    en: 'The owner already has a term with that key.',
  },
  definition_version_conflict: {
    sv: 'Någon annan har sparat en ny version under tiden. Läs den senaste versionen och försök igen.',
    en: 'Someone else saved a new version meanwhile. Read the latest version and try again.',
  },
  // Sign-in with the organisation's identity, SCIM, passkeys and API clients (issue 15).
  secrets_key_missing: {
    sv: 'Servern saknar nyckel för hemligheter (SECRETS_KEY). Be driftansvarig att ställa in den.',
    en: 'The server has no key for secrets (SECRETS_KEY). Ask the operator to set it.',
  },
  sso_idp_unknown: {
    sv: 'Inloggningstjänsten finns inte eller är avstängd. Välj din organisation igen eller logga in med e-post och lösenord.',
    en: 'The sign-in service does not exist or is switched off. Choose your organisation again or log in with e-mail and password.',
  },
  sso_state_invalid: {
    sv: 'Inloggningen gick ut eller startades inte i den här webbläsaren. Börja om från inloggningssidan.',
    en: 'The sign-in expired or was not started in this browser. Start again from the login page.',
  },
  sso_idp_refused: {
    sv: 'Din organisations inloggningstjänst avbröt eller nekade inloggningen.',
    en: "Your organisation's sign-in service cancelled or refused the sign-in.",
  },
  sso_token_invalid: {
    sv: 'Svaret från inloggningstjänsten kunde inte godkännas (fel signatur, utfärdare, mottagare eller giltighetstid). Ingen inloggning gjordes.',
    en: 'The answer from the sign-in service could not be accepted (wrong signature, issuer, audience or validity). You were not logged in.',
  },
  sso_nonce_mismatch: {
    sv: 'Svaret från inloggningstjänsten hörde inte till den här inloggningen. Börja om från inloggningssidan.',
    en: 'The answer from the sign-in service did not belong to this sign-in. Start again from the login page.',
  },
  sso_idp_unavailable: {
    sv: 'Din organisations inloggningstjänst svarar inte just nu. Försök igen om en stund.',
    en: "Your organisation's sign-in service is not answering right now. Try again in a while.",
  },
  sso_required: {
    sv: 'Din organisation loggar in med sin egen inloggning. Använd knappen för den i stället för lösenord.',
    en: 'Your organisation signs in with its own identity provider. Use its button instead of a password.',
  },
  mfa_token_invalid: {
    sv: 'Inloggningen har gått ut eller är redan använd. Logga in med lösenordet igen.',
    en: 'The login has expired or was already used. Log in with your password again.',
  },
  mfa_code_wrong: {
    sv: 'Koden stämmer inte eller är redan använd. Försök med en ny kod.',
    en: 'The code is wrong or was already used. Try a new code.',
  },
  mfa_setup_required: {
    sv: 'Du behöver lägga till en andra faktor (app-kod eller nyckel) innan du kan logga in.',
    en: 'You need to add a second factor (app code or passkey) before you can log in.',
  },
  passkey_failed: {
    sv: 'Nyckeln kunde inte kontrolleras. Försök igen eller logga in på annat sätt.',
    en: 'The passkey could not be verified. Try again or log in another way.',
  },
  totp_already_enabled: {
    sv: 'Du har redan en app för engångskoder. Ta bort den först om du vill byta.',
    en: 'You already have an authenticator app. Remove it first if you want to change it.',
  },
  sso_idp_disabled: {
    sv: 'Inloggningen via organisationens identitetsleverantör är avstängd. Kontakta din samordnare.',
    en: "Sign-in through the organisation's identity provider is switched off. Contact your coordinator.",
  },
  sso_subject_missing: {
    sv: 'Identitetsleverantören skickade ingen identitet för personen. Kontakta organisationens IT-avdelning.',
    en: "The identity provider sent no identity for the person. Contact the organisation's IT department.",
  },
  sso_no_email: {
    sv: 'Identitetsleverantören skickade ingen e-postadress, så inget konto kan skapas. Kontakta organisationens IT-avdelning.',
    en: "The identity provider sent no e-mail address, so no account can be created. Contact the organisation's IT department.",
  },
  sso_email_unverified: {
    sv: 'Det finns redan ett konto med den e-postadressen, men identitetsleverantören har inte bekräftat adressen. Logga in med lösenord eller be IT-avdelningen bekräfta adressen.',
    en: 'An account with that e-mail address exists, but the identity provider has not verified the address. Sign in with your password or ask IT to verify the address.',
  },
  sso_account_disabled: {
    sv: 'Kontot är avstängt. Kontakta din chef eller samordnare.',
    en: 'The account is disabled. Contact your manager or coordinator.',
  },
  domain_taken: {
    sv: 'E-postdomänen hör redan till en annan identitetsleverantör.',
    en: 'The e-mail domain already belongs to another identity provider.',
  },
  idp_kind_not_allowed: {
    sv: 'Bara kommuner, regioner, samverkansorganisationer och den nationella nivån kan ha en identitetsleverantör.',
    en: 'Only municipalities, regions, associations and the national level can have an identity provider.',
  },
  idp_oidc_incomplete: {
    sv: 'En OIDC-leverantör behöver utfärdar-URL och klient-id.',
    en: 'An OIDC provider needs an issuer URL and a client id.',
  },
  idp_saml_metadata_missing: {
    sv: 'En SAML-leverantör behöver metadata: en URL eller uppladdad XML.',
    en: 'A SAML provider needs metadata: a URL or uploaded XML.',
  },
  idp_saml_metadata_invalid: {
    sv: 'SAML-metadata går inte att läsa: den måste vara en EntityDescriptor med IDPSSODescriptor, en inloggningsadress och ett signeringscertifikat.',
    en: 'The SAML metadata cannot be read: it must be an EntityDescriptor with an IDPSSODescriptor, a sign-in address and a signing certificate.',
  },
  idp_kind_change: {
    sv: 'Typen (OIDC eller SAML) kan inte ändras. Lägg till en ny identitetsleverantör i stället.',
    en: 'The kind (OIDC or SAML) cannot be changed. Add a new identity provider instead.',
  },
  // Accounts without e-mail and activation codes (issue 15).
  username_taken: {
    sv: 'Användarnamnet används redan. Välj ett annat.',
    en: 'The username is already taken. Choose another.',
  },
  activation_code_invalid: {
    sv: 'Koden fungerar inte. Den kan vara felskriven, redan använd, för gammal eller återkallad. Kontrollera koden eller be din chef om en ny.',
    en: 'The code does not work. It may be mistyped, already used, too old or revoked. Check the code or ask your manager for a new one.',
  },
  activation_not_needed: {
    sv: 'Personen kan redan logga in (har lösenord eller nyckel) och behöver ingen aktiveringskod.',
    en: 'The person can already sign in (has a password or passkey) and needs no activation code.',
  },
  activation_code_closed: {
    sv: 'Koden är redan använd, återkallad eller för gammal.',
    en: 'The code is already used, revoked or expired.',
  },
  invalid_token: {
    sv: 'Åtkomsttoken är okänd, har gått ut eller har återkallats. Hämta en ny från /oauth/token.',
    en: 'The access token is unknown, has expired or has been revoked. Get a new one from /oauth/token.',
  },
  insufficient_scope: {
    sv: 'API-klientens behörigheter (scopes) räcker inte för det här anropet.',
    en: "The API client's scopes do not allow this request.",
  },
  people_only: {
    sv: 'Det här är till för personer som loggat in, inte för API-klienter.',
    en: 'This is for people who have signed in, not for API clients.',
  },
  api_client_kind_not_allowed: {
    sv: 'Bara kommuner, regioner, samverkansorganisationer och den nationella nivån kan ha API-klienter.',
    en: 'Only municipalities, regions, associations and the national level can have API clients.',
  },
  api_client_scope_not_available: {
    sv: 'Organisationen kan inte ge API-klienter den behörigheten.',
    en: 'The organisation cannot give API clients that scope.',
  },
  sso_assertion_expired: {
    sv: 'Svaret från inloggningstjänsten var för gammalt (eller klockorna går olika). Börja om från inloggningssidan.',
    en: 'The answer from the sign-in service was too old (or the clocks differ). Start again from the login page.',
  },
  sso_assertion_replayed: {
    sv: 'Svaret från inloggningstjänsten har redan använts en gång. Börja om från inloggningssidan.',
    en: 'The answer from the sign-in service has already been used once. Start again from the login page.',
  },
  sender_no_email: {
    sv: 'Ditt konto har ingen e-postadress, så kontaktpersonen kan inte svara dig. Be en samordnare lägga till en.',
    en: 'Your account has no e-mail address, so the contact person cannot answer you. Ask a coordinator to add one.',
  },
  meeting_cancelled: {
    sv: 'Träffen är inställd och kan inte ändras eller få närvaro registrerad.',
    en: 'The meeting is cancelled and cannot be changed or have attendance recorded.',
  },
  meeting_attendance_recorded: {
    sv: 'Närvaron är redan registrerad, så träffen kan inte flyttas, byta modul eller ställas in.',
    en: 'Attendance is already recorded, so the meeting cannot be moved, change module or be cancelled.',
  },
  // Support offers and requests (issue 17).
  support_request_closed: {
    sv: 'Förfrågan är avslutad och tar inte emot fler meddelanden eller bilagor.',
    en: 'The request is closed and takes no more messages or attachments.',
  },
  // Requirements library (issue 17).
  requirement_version_conflict: {
    sv: 'Någon har sparat en nyare version av kravet. Läs in sidan igen och gör ändringen där.',
    en: 'Someone has saved a newer version of the requirement. Reload the page and make the change there.',
  },
  // The national register of suppliers (issue 17).
  org_number_taken: {
    sv: 'Organisationsnumret finns redan i registret.',
    en: 'The organisation number is already in the register.',
  },
  supplier_merged: {
    sv: 'Leverantören är sammanslagen med en annan och kan inte ändras.',
    en: 'The supplier has been merged into another and cannot be changed.',
  },
  // The contract register per municipality (issue 17).
  external_ref_taken: {
    sv: 'Kommunen har redan ett avtal med det avtalsnumret.',
    en: 'The municipality already has a contract with that contract number.',
  },
  contract_version_conflict: {
    sv: 'Någon har ändrat avtalet sedan du öppnade det. Läs in sidan igen och gör ändringen där.',
    en: 'Someone has changed the contract since you opened it. Reload the page and make the change there.',
  },
  // Contacts with external actors (issue 17).
  external_contact_no_follow_up: {
    sv: 'Kontakten har ingen uppföljning med datum att klarmarkera.',
    en: 'The contact has no dated follow-up to mark done.',
  },
  // Stimulus funds (issue 17).
  funding_call_not_open: {
    sv: 'Utlysningen är inte öppen. Det går bara att rekvirera medan den är öppen.',
    en: 'The call is not open. Funds can only be requisitioned while it is open.',
  },
  funding_requisition_closed: {
    sv: 'Sista dagen att rekvirera har passerat. Kontakta den som äger utlysningen om ni behöver medlen.',
    en: 'The last day to requisition has passed. Contact the owner of the call if you need the funds.',
  },
  funding_not_requisitioned: {
    sv: 'Kommunen har inte rekvirerat något än. Rekvirera först och redovisa sedan vad medlen använts till.',
    en: 'The municipality has not requisitioned anything yet. Requisition first, then report what the funds were used for.',
  },
  funding_no_allocation: {
    sv: 'Kommunen har ingen tilldelning i utlysningen.',
    en: 'The municipality has no allocation in the call.',
  },
  funding_already_reported: {
    sv: 'Kommunen har redan redovisat, så rekvisitionen kan inte ändras.',
    en: 'The municipality has already reported, so the requisition cannot be changed.',
  },
  funding_key_invalid: {
    sv: 'Fördelningsnyckeln har fel på några rader. Inget är sparat. Rätta filen och ladda upp den igen.',
    en: 'The allocation key has errors on some rows. Nothing was saved. Correct the file and upload it again.',
  },
  funding_key_columns: {
    sv: 'Filen saknar en kolumn med antal invånare 80 år och äldre (till exempel rubriken "Invånare 80+").',
    en: 'The file has no column with the number of residents aged 80+ (for example the header "Invånare 80+").',
  },
  // Joint procurements (issue 17).
  procurement_version_conflict: {
    sv: 'Någon har ändrat upphandlingen under tiden. Läs in sidan igen och gör ändringen där.',
    en: 'Someone has changed the procurement meanwhile. Reload the page and make the change there.',
  },
  procurement_not_signed: {
    sv: 'Flytta upphandlingen till fasen Avtal tecknat innan avtalet registreras hos deltagarna.',
    en: 'Move the procurement to the phase Contract signed before the contract is recorded for the participants.',
  },
  procurement_no_participants: {
    sv: 'Ingen kommun har bekräftat sitt deltagande, så det finns inget register att skriva avtalet i.',
    en: 'No municipality has confirmed taking part, so there is no register to write the contract in.',
  },
  procurement_closed: {
    sv: 'Upphandlingen är avslutad eller avbruten och tar inte emot svar.',
    en: 'The procurement is completed or cancelled and takes no answers.',
  },
  // The contract import (issue 17).
  csv_missing_contract_columns: {
    sv: 'Filen saknar obligatoriska kolumner: avtalsnummer, benämning, leverantör, startdatum och slutdatum.',
    en: 'The file lacks required columns: contract number, title, supplier, start date and end date.',
  },
  duplicate_contract_ref: {
    sv: 'Samma avtalsnummer finns på flera rader i filen. Varje avtal ska stå på en rad.',
    en: 'The same contract number is on more than one line of the file. Each contract goes on one line.',
  },
  // Imported SCORM and cmi5 courses (issue 18).
  package_not_recognised: {
    sv: 'Filen är varken ett SCORM-paket eller en cmi5-kurs. Ladda upp en zip-fil med imsmanifest.xml eller cmi5.xml längst upp, eller en cmi5.xml.',
    en: 'The file is neither a SCORM package nor a cmi5 course. Upload a zip file with imsmanifest.xml or cmi5.xml at its top level, or a cmi5.xml.',
  },
  package_unsafe: {
    sv: 'Paketet kan inte tas emot: det är för stort, skadat eller innehåller filer som inte är säkra.',
    en: 'The package cannot be accepted: it is too large, damaged or contains unsafe files.',
  },
  package_invalid: {
    sv: 'Paketets beskrivning av kursen är felaktig. Exportera paketet på nytt från verktyget det gjordes i.',
    en: "The package's description of the course is not valid. Export the package again from the tool that made it.",
  },
  course_not_imported: {
    sv: 'Kursen är skriven här och har inget paket att ersätta.',
    en: 'The course was written here and has no package to replace.',
  },
  course_imported: {
    sv: 'Kursen är importerad som ett SCORM- eller cmi5-paket och kan inte ändras här. Ladda upp en ny version av paketet i stället.',
    en: 'The course was imported as a SCORM or cmi5 package and cannot be edited here. Upload a new version of the package instead.',
  },
  // @features-problems (helpers insert their problem codes above this line)
  // @issue15-problems (helpers insert their problem codes above this line)
  // @issue8-problems (helpers insert their problem codes above this line)
} as const satisfies Record<string, Record<UiLanguage, string>>;

export type ProblemCode = keyof typeof problemMessages;

/** Field-level validation messages keyed by zod issue code or our own custom codes. */
export const fieldMessages: Record<string, Record<UiLanguage, string>> = {
  invalid_email: { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  email_or_username: {
    sv: 'Ange e-postadress eller användarnamn.',
    en: 'Enter an e-mail address or a username.',
  },
  totp_code_format: { sv: 'Koden har sex siffror.', en: 'The code has six digits.' },
  required: { sv: 'Uppgiften måste fyllas i.', en: 'This field is required.' },
  too_small: { sv: 'Värdet är för litet.', en: 'The value is too small.' },
  too_big: { sv: 'Värdet är för stort.', en: 'The value is too large.' },
  too_short: { sv: 'Texten är för kort.', en: 'The text is too short.' },
  too_long: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  too_few: { sv: 'Välj fler.', en: 'Choose more.' },
  too_many: { sv: 'Det är för många.', en: 'There are too many.' },
  negative: { sv: 'Värdet får inte vara negativt.', en: 'The value cannot be negative.' },
  not_positive: { sv: 'Värdet måste vara större än noll.', en: 'The value must be greater than zero.' },
  invalid_type: { sv: 'Värdet har fel typ.', en: 'The value has the wrong type.' },
  invalid_value: { sv: 'Värdet är inte tillåtet.', en: 'The value is not allowed.' },
  invalid_format: { sv: 'Värdet har fel format.', en: 'The value has the wrong format.' },
  control_character: {
    sv: 'Värdet innehåller ett otillåtet tecken (ett styrtecken).',
    en: 'The value contains a character that is not allowed (a control character).',
  },
  unknown_unit: { sv: 'Enheten finns inte i kommunen.', en: 'The unit does not exist in the municipality.' },
  unknown_role: { sv: 'Okänd roll.', en: 'Unknown role.' },
  role_not_allowed: { sv: 'Rollen kan inte ges vid import.', en: 'The role cannot be granted by import.' },
  unknown_language: { sv: 'Okänt språk (sv eller en).', en: 'Unknown language (sv or en).' },
  unknown_gender: { sv: 'Okänt kön.', en: 'Unknown gender.' },
  not_enrolled: { sv: 'Du är inte inskriven på kursen.', en: 'You are not enrolled on the course.' },
  duplicate_in_file: {
    sv: 'E-postadressen finns redan tidigare i filen.',
    en: 'The e-mail address appears earlier in the file.',
  },
  not_participating: {
    sv: 'Personen arbetar inte i någon av programmets kommuner.',
    en: 'The person does not work in any of the programme’s municipalities.',
  },
  no_course_for_track: {
    sv: 'Programmet har ingen kurs för personens spår (medarbetare eller chefer).',
    en: 'The programme has no course for the person’s track (staff or managers).',
  },
  duplicate_track: {
    sv: 'Varje spår kan bara ha en kurs.',
    en: 'Each track can have only one course.',
  },
  not_unit_member: {
    sv: 'Personen är inte medarbetare eller chef i enheten.',
    en: 'The person is not staff or a manager in the unit.',
  },
  not_group_member: {
    sv: 'Personen är inte med i studiecirkeln.',
    en: 'The person is not in the study group.',
  },
  not_a_unit: { sv: 'Välj en enhet.', en: 'Choose a unit.' },
  api_client_scope_not_available: {
    sv: 'Organisationen kan inte ge API-klienter den behörigheten.',
    en: 'The organisation cannot give API clients that scope.',
  },
  unknown_module: { sv: 'Kursen har ingen sådan modul.', en: 'The course has no such module.' },
  ends_before_start: {
    sv: 'Slutdatum kan inte ligga före startdatum.',
    en: 'The end date cannot be before the start date.',
  },
  served_exceeds_eligible: {
    sv: 'Antalet som använder tekniken kan inte vara större än antalet som kan ha nytta av den.',
    en: 'The number of users cannot be larger than the number of people who could use it.',
  },
  unknown_technology: {
    sv: 'Tekniken finns inte i katalogen.',
    en: 'The technology is not in the catalogue.',
  },
  technology_exists: {
    sv: 'Det finns redan en teknik med den nyckeln.',
    en: 'There is already a technology with that key.',
  },
  one_scope_only: {
    sv: 'Välj antingen en region eller en samverkan.',
    en: 'Choose either a region or an association.',
  },
  invalid_network_owner: {
    sv: 'En grupp ägs av en region, en samverkan, en kommun eller den nationella nivån.',
    en: 'A group is owned by a region, an association, a municipality or the national level.',
  },
  invalid_coverage_area: {
    sv: 'Välj en region eller en samverkan vars kommuner ska vara representerade.',
    en: 'Choose a region or an association whose municipalities should be represented.',
  },
  max_below_min: {
    sv: 'Högsta antalet kan inte vara lägre än lägsta antalet.',
    en: 'The maximum cannot be lower than the minimum.',
  },
  unknown_user: { sv: 'Personen finns inte.', en: 'The person does not exist.' },
  unknown_organisation: { sv: 'Organisationen finns inte.', en: 'The organisation does not exist.' },
  invalid_plan_owner: {
    sv: 'En handlingsplan ägs av en kommun, en region eller en samverkan.',
    en: 'An action plan is owned by a municipality, a region or an association.',
  },
  invalid_steering_group: {
    sv: 'Välj en styrgrupp som planens ägare har.',
    en: 'Choose a steering group owned by the plan’s owner.',
  },
  initiative_outside_plan: {
    sv: 'Insatsen ägs utanför handlingsplanens område.',
    en: 'The initiative is owned outside the action plan’s area.',
  },
  municipality_outside_region: {
    sv: 'Kommunen ligger inte i behovets region.',
    en: 'The municipality is not in the need’s region.',
  },
  plan_outside_region: {
    sv: 'Välj en handlingsplan som regionen äger.',
    en: 'Choose an action plan owned by the region.',
  },
  not_network_member: {
    sv: 'Personen är inte med i gruppen.',
    en: 'The person is not in the group.',
  },
  attendance_unavailable: {
    sv: 'Evenemanget kan inte följas på det sättet.',
    en: 'The event cannot be attended that way.',
  },
  custom: { sv: 'Värdet är inte giltigt.', en: 'The value is not valid.' },
  level_out_of_range: { sv: 'Välj en nivå mellan 1 och 5.', en: 'Choose a level between 1 and 5.' },
  option_not_offered: { sv: 'Välj bland de alternativ som finns.', en: 'Choose among the options offered.' },
  text_too_long: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  ranking_incomplete: {
    sv: 'Rangordna alla alternativ, vart och ett en gång.',
    en: 'Rank every option, each one once.',
  },
  number_out_of_range: { sv: 'Talet ligger utanför det tillåtna.', en: 'The number is out of range.' },
  unknown_status: { sv: 'Välj ett av lägena i listan.', en: 'Choose one of the statuses listed.' },
  unknown_question: { sv: 'Frågan finns inte i mallen.', en: 'The question is not in the template.' },
  unanswered: { sv: 'Frågan är inte besvarad.', en: 'The question is not answered.' },
  closes_before_opens: {
    sv: 'Slutdatum måste vara samma dag som eller efter startdatum.',
    en: 'The closing date must be on or after the opening date.',
  },
  unknown_previous_key: {
    sv: 'Frågan finns inte i den föregående versionen.',
    en: 'The question is not in the previous version.',
  },
  municipality_outside_scope: {
    sv: 'Kommunen ligger utanför omgångens område.',
    en: 'The municipality lies outside the round’s area.',
  },
  // Initiatives and benefits (issue 7)
  outside_owner_scope: {
    sv: 'Kommunen ligger utanför ägarens område.',
    en: 'The municipality lies outside the owner’s area.',
  },
  ends_before_starts: {
    sv: 'Slutdatum kan inte ligga före startdatum.',
    en: 'The end date cannot be before the start date.',
  },
  target_before_baseline: {
    sv: 'Måldatum kan inte ligga före baslinjens datum.',
    en: 'The target date cannot be before the baseline date.',
  },
  url_or_document: {
    sv: 'Ange antingen en webbadress eller ett styrdokument.',
    en: 'Give either a web address or a governing document.',
  },
  nothing_to_change: { sv: 'Det finns inget att ändra.', en: 'There is nothing to change.' },
  unknown_area: { sv: 'Området finns inte i mallen.', en: 'The area is not in the template.' },
  period_too_long: { sv: 'Perioden får vara högst tre år.', en: 'The period may be at most three years.' },
  invalid_report_owner: {
    sv: 'En styrgruppsrapport lämnas av en region eller en samverkan.',
    en: 'A steering-group report is made by a region or an association.',
  },
  not_owners_steering_group: {
    sv: 'Välj en styrgrupp som organisationen själv har.',
    en: 'Choose a steering group of the organisation itself.',
  },
  contact_required: {
    sv: 'Ange kontaktpersonens namn och e-postadress, eller ta bort samtycket.',
    en: 'Give the contact person’s name and e-mail address, or remove the consent.',
  },
  unknown_indicator: {
    sv: 'Indikatorn hör inte till en insats som kommunen äger eller deltar i.',
    en: 'The indicator does not belong to an initiative the municipality owns or takes part in.',
  },
  unknown_initiative: {
    sv: 'Insatsen ägs inte av kommunen och kommunen deltar inte i den.',
    en: 'The municipality neither owns nor takes part in the initiative.',
  },
  // Knowledge-bank cases (issue 16): what the field wants, so the form's summary says it
  min_three_chars: { sv: 'Skriv minst 3 tecken.', en: 'Write at least 3 characters.' },
  min_ten_chars: { sv: 'Skriv minst 10 tecken.', en: 'Write at least 10 characters.' },
  choose_technology: { sv: 'Välj minst en teknik.', en: 'Choose at least one technology.' },
  choose_municipality: { sv: 'Välj minst en kommun.', en: 'Choose at least one municipality.' },
  cost_whole_kronor: {
    sv: 'Ange kostnaden som ett heltal i kronor.',
    en: 'Give the cost as a whole number of kronor.',
  },
  key_format: {
    sv: 'Skriv en nyckel med små bokstäver, siffror och bindestreck.',
    en: 'Write a key in lower-case letters, digits and hyphens.',
  },
  whole_number_to_ten_thousand: {
    sv: 'Skriv ett heltal från 1 till 10 000.',
    en: 'Enter a whole number from 1 to 10,000.',
  },
  // Forms from the contracts, batch 2 (issue 16)
  passwords_differ: { sv: 'Lösenorden är inte likadana.', en: 'The passwords are not the same.' },
  choose_scope: { sv: 'Välj minst en behörighet.', en: 'Choose at least one scope.' },
  domain_invalid: {
    sv: 'Skriv giltiga e-postdomäner, till exempel kommun.se.',
    en: 'Write valid e-mail domains, for example kommun.se.',
  },
  scopes_invalid: {
    sv: 'Skriv scopes åtskilda med ett mellanslag, utan citattecken.',
    en: 'Write the scopes separated by one space, without quotes.',
  },
  username_or_employee_number: {
    sv: 'Ange ett användarnamn eller ett anställningsnummer.',
    en: 'Enter a username or an employee number.',
  },
  choose_members: { sv: 'Välj minst en deltagare.', en: 'Choose at least one member.' },
  // Support offers and requests (issue 17).
  support_provider_kind: {
    sv: 'Välj en region eller en samverkan som erbjuder stödet.',
    en: 'Choose a region or an association offering the support.',
  },
  support_provider_not_yours: {
    sv: 'Välj kommunens region eller en samverkan som kommunen är med i.',
    en: "Choose the municipality's region or an association it belongs to.",
  },
  support_offer_unknown: {
    sv: 'Erbjudandet finns inte hos den du frågar, eller är stängt.',
    en: 'The offer is not one of those you are asking, or it is closed.',
  },
  support_assignee_not_provider: {
    sv: 'Välj en av samordnarna som tar emot förfrågan.',
    en: 'Choose one of the coordinators receiving the request.',
  },
  support_assign_first: {
    sv: 'Tilldela förfrågan till någon först.',
    en: 'Assign the request to someone first.',
  },
  need_or_offer: {
    sv: 'Välj ett stödbehov eller ett erbjudande.',
    en: 'Choose a support need or an offer.',
  },
  response_days_range: {
    sv: 'Ange ett heltal från 1 till 60 arbetsdagar.',
    en: 'Enter a whole number from 1 to 60 working days.',
  },
  municipality_code: {
    sv: 'Ange en kommunkod med fyra siffror.',
    en: 'Give a municipality code of four digits.',
  },
  duplicate_requirement: {
    sv: 'Kravet finns redan i kravspecifikationen.',
    en: 'The requirement is already in the specification.',
  },
  unknown_requirement_version: {
    sv: 'Kravet eller versionen finns inte i kravbiblioteket.',
    en: 'The requirement or version is not in the library.',
  },
  // The national register of suppliers (issue 17).
  invalid_org_number: {
    sv: 'Skriv organisationsnumret med tio siffror, till exempel 556123-4567.',
    en: 'Write the organisation number with ten digits, for example 556123-4567.',
  },
  org_number_check_digit: {
    sv: 'Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel.',
    en: 'The organisation number is not right: the check digit (the last one) is wrong.',
  },
  invalid_phone: {
    sv: 'Skriv telefonnumret med siffror, till exempel 023-123 45.',
    en: 'Write the phone number in digits, for example 023-123 45.',
  },
  merge_same_supplier: {
    sv: 'Välj en annan leverantör än den du slår samman med.',
    en: 'Choose a supplier other than the one you merge into.',
  },
  unknown_supplier: { sv: 'Leverantören finns inte.', en: 'The supplier does not exist.' },
  // The contract register per municipality (issue 17).
  extension_decided_after_end: {
    sv: 'Beslutsdatumet för förlängningen måste ligga senast på det slutdatum den förlänger.',
    en: 'The extension must be decided on or before the end date it extends.',
  },
  product_not_of_supplier: {
    sv: 'Produkten hör inte till den valda leverantören.',
    en: 'The product does not belong to the chosen supplier.',
  },
  // The expiry radar of contracts (issue 17).
  unknown_region: {
    sv: 'Det finns ingen region med den länskoden, till exempel 20 för Dalarna.',
    en: 'There is no region with that county code, for example 20 for Dalarna.',
  },
  unknown_association: {
    sv: 'Det finns ingen samverkan med det id:t.',
    en: 'There is no association with that id.',
  },
  // Contacts with external actors (issue 17).
  external_contact_municipality_outside: {
    sv: 'Välj bara kommuner i regionen eller samverkan vars logg det är.',
    en: 'Choose only municipalities of the region or association whose log it is.',
  },
  external_contact_meeting_not_owners: {
    sv: 'Välj ett möte i någon av regionens eller samverkans egna grupper.',
    en: "Choose a meeting of one of the region's or association's own groups.",
  },
  external_contact_procurement_unknown: {
    sv: 'Välj en upphandling som regionen eller samverkan leder eller som dess kommuner deltar i.',
    en: 'Choose a procurement the region or association leads or its municipalities take part in.',
  },
  // Stimulus funds (issue 17).
  reporting_before_requisition: {
    sv: 'Sista dag för redovisning kan inte ligga före sista dag för rekvisition.',
    en: 'The reporting deadline cannot be before the requisition deadline.',
  },
  above_allocation: {
    sv: 'Beloppet är större än kommunens tilldelning.',
    en: "The amount is larger than the municipality's allocation.",
  },
  below_requisitioned: {
    sv: 'Tilldelningen kan inte bli mindre än det kommunen redan har rekvirerat.',
    en: 'The allocation cannot be less than the municipality has already requisitioned.',
  },
  requisitioned_allocation_removed: {
    sv: 'En kommun som redan har rekvirerat kan inte tas bort ur fördelningen.',
    en: 'A municipality that has already requisitioned cannot be removed from the allocation.',
  },
  allocations_exceed_total: {
    sv: 'Tilldelningarna är sammanlagt större än utlysningens totala belopp.',
    en: "The allocations add up to more than the call's total.",
  },
  unknown_municipality: { sv: 'Kommunen finns inte.', en: 'The municipality does not exist.' },
  municipality_outside_call: {
    sv: 'Kommunen ligger utanför utlysningens område.',
    en: "The municipality lies outside the call's area.",
  },
  duplicate_municipality: {
    sv: 'Kommunen finns redan tidigare i listan.',
    en: 'The municipality appears earlier in the list.',
  },
  whole_number: {
    sv: 'Skriv ett heltal, till exempel 1 234.',
    en: 'Write a whole number, for example 1234.',
  },
  funding_key_zero: {
    sv: 'Nyckeln summerar till noll, så det finns inget att fördela efter.',
    en: 'The key adds up to zero, so there is nothing to share by.',
  },
  funding_key_municipality_column: {
    sv: 'Filen saknar en kolumn med kommunkod eller kommunnamn (rubriken "Kommunkod" eller "Kommun").',
    en: 'The file has no column with a municipality code or name (the header "Kommunkod" or "Kommun").',
  },
  funding_owner_kind: {
    sv: 'En utlysning ägs av den nationella nivån eller av en region.',
    en: 'A call is owned by the national level or by a region.',
  },
  funding_link_not_stimulus: {
    sv: 'Bara finansiering med källan stimulansmedel kan kopplas till en utlysning.',
    en: 'Only funding from the source stimulus funds can be linked to a call.',
  },
  funding_recipient_required: {
    sv: 'Välj vilken kommuns tilldelning pengarna tas från.',
    en: "Choose which municipality's allocation the money comes from.",
  },
  funding_recipient_not_allocated: {
    sv: 'Kommunen deltar inte i insatsen eller har ingen tilldelning i utlysningen.',
    en: 'The municipality does not take part in the initiative or has no allocation in the call.',
  },
  // Joint procurements (issue 17).
  procurement_municipality_outside: {
    sv: 'Kommunen finns inte i den ledande regionen eller samverkan och kan inte bjudas in.',
    en: 'The municipality is not in the leading region or association and cannot be invited.',
  },
  procurement_form_joint: {
    sv: 'Ett avtal från en samordnad upphandling har upphandlingsformen samordnad upphandling.',
    en: 'A contract from a joint procurement has the procurement form joint procurement.',
  },
  procurement_lead_kind: {
    sv: 'Välj en region, en samverkan eller en kommun som leder upphandlingen.',
    en: 'Choose a region, an association or a municipality to lead the procurement.',
  },
  procurement_specification_not_lead: {
    sv: 'Välj en kravspecifikation som den ledande organisationen äger.',
    en: 'Choose a requirement specification owned by the leading organisation.',
  },
  procurement_unknown_initiative: {
    sv: 'Insatsen finns inte, eller så får du inte läsa den.',
    en: 'The initiative does not exist, or you may not read it.',
  },
  procurement_unknown_need: { sv: 'Behovet finns inte.', en: 'The need does not exist.' },
  // The contract import (issue 17).
  invalid_date: {
    sv: 'Skriv datumet som år-månad-dag, till exempel 2025-03-01.',
    en: 'Write the date as year-month-day, for example 2025-03-01.',
  },
  unknown_procurement_form: { sv: 'Okänd upphandlingsform.', en: 'Unknown procurement form.' },
  invalid_months: {
    sv: 'Skriv ett helt antal månader, till exempel 3.',
    en: 'Write a whole number of months, for example 3.',
  },
  invalid_number: {
    sv: 'Skriv beloppet i kronor med siffror, till exempel 1 250 000.',
    en: 'Write the amount in kronor in digits, for example 1 250 000.',
  },
  invalid_extensions: {
    sv: 'Skriv förlängningarna i år med plustecken, till exempel 2+1+1 eller +1+1.',
    en: 'Write the extensions in years with plus signs, for example 2+1+1 or +1+1.',
  },
  decision_dates_count: {
    sv: 'Ange ett beslutsdatum per förlängning, eller bara det första.',
    en: 'Give one decision date per extension, or only the first.',
  },
  unknown_responsible: {
    sv: 'Ingen person i kommunen har den e-postadressen.',
    en: 'No one in the municipality has that e-mail address.',
  },
  ambiguous_supplier: {
    sv: 'Flera leverantörer har det namnet. Skriv organisationsnumret i stället.',
    en: 'More than one supplier has that name. Write the organisation number instead.',
  },
  // @features-fields (helpers insert their field codes above this line)
  // @issue8-fields (helpers insert their field codes above this line)
};

/** A field error's message: its own text, else the problem text of the same code, else a generic one. */
export function fieldMessage(code: string, lang: UiLanguage): string {
  const own = fieldMessages[code] ?? (problemMessages as Record<string, Record<UiLanguage, string>>)[code];
  return (own ?? fieldMessages.custom!)[lang];
}
