<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditLogScreen</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>The newest %1 entries. The log holds codes only, never customer data; opening it is recorded too.</source>
        <translation>Die neuesten %1 Einträge. Das Protokoll enthält nur Codes, nie Kundendaten; auch sein Öffnen wird festgehalten.</translation>
    </message>
    <message>
        <source>Back to the day</source>
        <translation>Zurück zum Tag</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>This kiosk has no store to read from.</source>
        <translation>Dieser Kiosk hat keinen Speicher zum Lesen.</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries, none edited, deleted or reordered.</source>
        <translation>Prüfkette bestätigt: %1 Einträge, keiner geändert, gelöscht oder umgestellt.</translation>
    </message>
    <message>
        <source>The audit chain is BROKEN at entry %1 (%2). Call the carrier's security contact.</source>
        <translation>Die Prüfkette ist bei Eintrag %1 GEBROCHEN (%2). Rufen Sie die Sicherheitsstelle des Netzbetreibers an.</translation>
    </message>
</context>
<context>
    <name>ClerkSignalsModel</name>
    <message>
        <source>many failed matches</source>
        <translation>viele fehlgeschlagene Abgleiche</translation>
    </message>
    <message>
        <source>many liveness failures</source>
        <translation>viele fehlgeschlagene Lebendprüfungen</translation>
    </message>
    <message>
        <source>a staff member's face</source>
        <translation>das Gesicht eines Mitarbeiters</translation>
    </message>
    <message>
        <source>many retries</source>
        <translation>viele Wiederholungen</translation>
    </message>
    <message>
        <source>many hand-overs</source>
        <translation>viele Übergaben an den Filialleiter</translation>
    </message>
    <message>
        <source>many approvals by hand</source>
        <translation>viele Freigaben von Hand</translation>
    </message>
    <message>
        <source>many registrations outside opening hours</source>
        <translation>viele Registrierungen außerhalb der Öffnungszeiten</translation>
    </message>
    <message>
        <source>approved by one manager far more than other clerks: %1</source>
        <translation>von einem Filialleiter weit öfter freigegeben als bei anderen Mitarbeitern: %1</translation>
    </message>
    <message>
        <source>%1 .. %2 (UTC days)</source>
        <translation>%1 .. %2 (UTC-Tage)</translation>
    </message>
    <message>
        <source>no store is open</source>
        <translation>kein Datenspeicher geöffnet</translation>
    </message>
    <message>
        <source>%1 registrations · failed matches %2 · liveness failures %3 · staff faces %4 · retries %5 · hand-overs %6 · approved by hand %7</source>
        <translation>%1 Registrierungen · Abgleich fehlgeschlagen %2 · Lebendprüfung fehlgeschlagen %3 · Mitarbeitergesichter %4 · Wiederholungen %5 · Übergaben %6 · von Hand freigegeben %7</translation>
    </message>
    <message>
        <source> (by %1)</source>
        <translation> (von %1)</translation>
    </message>
    <message>
        <source> · outside opening hours %1</source>
        <translation> · außerhalb der Öffnungszeiten %1</translation>
    </message>
    <message>
        <source>%1; opening hours %2</source>
        <translation>%1; Öffnungszeiten %2</translation>
    </message>
    <message>
        <source>. Look at: %1</source>
        <translation>. Prüfen: %1</translation>
    </message>
    <message>
        <source>%1 (UTC day)</source>
        <translation>%1 (UTC-Tag)</translation>
    </message>
    <message>
        <source>approvals by hand with no manager's decision on file (written into the database directly)</source>
        <translation>Freigaben von Hand ohne gespeicherte Entscheidung eines Filialleiters (direkt in die Datenbank geschrieben)</translation>
    </message>
</context>
<context>
    <name>ClerkSignalsPanel</name>
    <message>
        <source>This day</source>
        <translation>Dieser Tag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>%1; opening hours %2</source>
        <translation>%1; Öffnungszeiten %2</translation>
    </message>
    <message>
        <source>%1; opening hours not set (store.opening_hours): registrations outside them are not counted</source>
        <translation>%1; Öffnungszeiten nicht eingestellt (store.opening_hours): Registrierungen außerhalb werden nicht gezählt</translation>
    </message>
    <message>
        <source>Look at: %1</source>
        <translation>Prüfen: %1</translation>
    </message>
    <message>
        <source>Each clerk against the store's other clerks: a rate more than twice theirs (at least 3 records; a staff face from the first) is a reason to look at that clerk's records, not a finding. Nothing here is decrypted.</source>
        <translation>Jeder Mitarbeiter im Vergleich mit den anderen Mitarbeitern der Filiale: eine mehr als doppelt so hohe Rate (mindestens 3 Vorgänge; ein Mitarbeitergesicht ab dem ersten) ist ein Grund, seine Registrierungen anzusehen, kein Befund. Hier wird nichts entschlüsselt.</translation>
    </message>
</context>
<context>
    <name>ConsentNotice</name>
    <message>
        <source>What is captured</source>
        <translation>Was erfasst wird</translation>
    </message>
    <message>
        <source>A short video check of your face (you will be asked to blink and to turn your head) and photos of your face taken from it, compared with the photo on your ID card.</source>
        <translation>Eine kurze Videoprüfung Ihres Gesichts (Sie werden gebeten zu blinzeln und den Kopf zu drehen) und daraus entnommene Fotos Ihres Gesichts, verglichen mit dem Foto auf Ihrem Ausweis.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Where it goes</source>
        <translation>Wohin es geht</translation>
    </message>
    <message>
        <source>The photos and face measurements are sealed (encrypted) for your mobile carrier, who checks the registration. This shop keeps no key that opens them.</source>
        <translation>Die Fotos und Gesichtsmerkmale werden für Ihren Mobilfunkanbieter, der die Registrierung prüft, versiegelt (verschlüsselt). Dieses Geschäft hat keinen Schlüssel, der sie öffnet.</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>Wie lange</translation>
    </message>
    <message>
        <source>If you prefer not to</source>
        <translation>Wenn Sie das nicht möchten</translation>
    </message>
    <message>
        <source>You may refuse. The manager then checks your ID card in person instead, and no photo or video of your face is taken. The registration is otherwise the same.</source>
        <translation>Sie dürfen ablehnen. Dann prüft stattdessen der Filialleiter Ihren Ausweis persönlich, und es wird kein Foto oder Video Ihres Gesichts aufgenommen. Die Registrierung ist sonst gleich.</translation>
    </message>
    <message>
        <source>To confirm that the ID card is yours, as the real-name registration of SIM cards requires, and, at your carrier, to check that the same face has not registered SIM cards under other people's ID cards. It is used for nothing else.</source>
        <translation>Um zu bestätigen, dass der Ausweis Ihnen gehört, wie es die Registrierung von SIM-Karten mit echtem Namen verlangt, und um bei Ihrem Mobilfunkanbieter zu prüfen, dass mit demselben Gesicht keine SIM-Karten auf die Ausweise anderer Personen registriert wurden. Für nichts anderes.</translation>
    </message>
    <message>
        <source>This kiosk keeps a small picture of your face, for the manager to review a doubtful result, and the sealed copy until the end of the next day and until the carrier has confirmed receiving it; then both are deleted. The video itself is never stored. Your carrier keeps the face measurements while the number is active, for the check against other ID cards.</source>
        <translation>Dieses Terminal behält ein kleines Bild Ihres Gesichts (damit der Filialleiter ein zweifelhaftes Ergebnis prüfen kann) und die versiegelte Kopie bis zum Ende des nächsten Tages und bis der Anbieter den Empfang bestätigt hat; dann werden beide gelöscht. Das Video selbst wird nie gespeichert. Ihr Anbieter behält die Gesichtsmerkmale, solange die Rufnummer aktiv ist, für den Abgleich mit anderen Ausweisen.</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>Your consent to the face check</source>
        <translation>Ihre Einwilligung in die Gesichtsprüfung</translation>
    </message>
    <message>
        <source>I agree to the face check</source>
        <translation>Ich stimme der Gesichtsprüfung zu</translation>
    </message>
    <message>
        <source>I prefer a manual check</source>
        <translation>Ich möchte eine manuelle Prüfung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The customer reads this on their screen and answers there.</source>
        <translation>Der Kunde liest dies auf seinem Bildschirm und antwortet dort.</translation>
    </message>
</context>
<context>
    <name>CustomerFormModel</name>
    <message>
        <source>%2 (rule: %1)</source>
        <extracomment>%1 is a stable rule code such as check_character, %2 the explanation.</extracomment>
        <translation>%2 (Regel: %1)</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; %1 typed.</source>
        <translation>Eine Ausweisnummer hat 18 Zeichen; %1 eingegeben.</translation>
    </message>
    <message>
        <source>Only digits, and X as the last character.</source>
        <translation>Nur Ziffern, als letztes Zeichen auch X.</translation>
    </message>
    <message>
        <source>The first two digits are not a province code.</source>
        <translation>Die ersten zwei Ziffern sind kein Provinzcode.</translation>
    </message>
    <message>
        <source>Digits 7 to 14 are not a real date of birth.</source>
        <translation>Die Ziffern 7 bis 14 sind kein gültiges Geburtsdatum.</translation>
    </message>
    <message>
        <source>The date of birth lies in the future.</source>
        <translation>Das Geburtsdatum liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The customer must be at least %1 years old.</source>
        <translation>Der Kunde muss mindestens %1 Jahre alt sein.</translation>
    </message>
    <message>
        <source>The last character does not match the others: a character is mistyped.</source>
        <translation>Das letzte Zeichen passt nicht zu den anderen: ein Zeichen ist vertippt.</translation>
    </message>
    <message>
        <source>Only digits, and one + in front.</source>
        <translation>Nur Ziffern, vorne ein +.</translation>
    </message>
    <message>
        <source>Only mainland China numbers (+86).</source>
        <translation>Nur Nummern aus Festlandchina (+86).</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits.</source>
        <translation>Eine Mobilnummer hat 11 Ziffern.</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19.</source>
        <translation>Eine Mobilnummer beginnt mit 13 bis 19.</translation>
    </message>
    <message>
        <source>Only digits.</source>
        <translation>Nur Ziffern.</translation>
    </message>
    <message>
        <source>A SIM number (ICCID) has 19 or 20 digits.</source>
        <translation>Eine SIM-Nummer (ICCID) hat 19 oder 20 Ziffern.</translation>
    </message>
    <message>
        <source>A SIM number (ICCID) starts with 89.</source>
        <translation>Eine SIM-Nummer (ICCID) beginnt mit 89.</translation>
    </message>
    <message>
        <source>The last digit does not match the others: a digit is mistyped.</source>
        <translation>Die letzte Ziffer passt nicht zu den anderen: eine Ziffer ist vertippt.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>Höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>weiblich</translation>
    </message>
</context>
<context>
    <name>CustomerFormScreen</name>
    <message>
        <source>New registration: customer data</source>
        <translation>Neue Registrierung: Kundendaten</translation>
    </message>
    <message>
        <source>Name (as on the ID card)</source>
        <translation>Name (wie auf dem Ausweis)</translation>
    </message>
    <message>
        <source>ID number (18 characters)</source>
        <translation>Ausweisnummer (18 Zeichen)</translation>
    </message>
    <message>
        <source>Compare with the ID card:</source>
        <translation>Mit dem Ausweis vergleichen:</translation>
    </message>
    <message>
        <source>Date of birth: %1</source>
        <translation>Geburtsdatum: %1</translation>
    </message>
    <message>
        <source>Sex: %1</source>
        <translation>Geschlecht: %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Mobile phone number</source>
        <translation>Mobilnummer</translation>
    </message>
    <message>
        <source>SIM card number (ICCID)</source>
        <translation>SIM-Kartennummer (ICCID)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Registrierung abbrechen</translation>
    </message>
    <message>
        <source>Asking the carrier how many numbers this ID number already has…</source>
        <translation>Der Netzbetreiber wird gefragt, wie viele Nummern diese Ausweisnummer schon hat…</translation>
    </message>
</context>
<context>
    <name>CustomerMain</name>
    <message>
        <source>SimKYC: customer screen</source>
        <translation>SimKYC: Kundenbildschirm</translation>
    </message>
    <message>
        <source>Welcome. The clerk is preparing your registration; this screen will ask for your consent in a moment.</source>
        <translation>Willkommen. Der Mitarbeiter bereitet Ihre Registrierung vor; gleich bittet Sie dieser Bildschirm um Ihre Einwilligung.</translation>
    </message>
</context>
<context>
    <name>DayCharts</name>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Registrations per hour</source>
        <translation>Registrierungen pro Stunde</translation>
    </message>
    <message>
        <source>Passed %1</source>
        <translation>Bestanden %1</translation>
    </message>
    <message>
        <source>Failed %1</source>
        <translation>Nicht bestanden %1</translation>
    </message>
    <message>
        <source>Manual %1</source>
        <translation>Manuell %1</translation>
    </message>
    <message>
        <source>No registrations yet</source>
        <translation>Noch keine Registrierungen</translation>
    </message>
    <message>
        <source>Outcomes: pass rate %1 %</source>
        <translation>Ergebnisse: Erfolgsquote %1 %</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Dieselbe Person</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>Nicht dieselbe</translation>
    </message>
    <message>
        <source>Match distances (threshold %1)</source>
        <translation>Abgleichsabstände (Schwelle %1)</translation>
    </message>
    <message>
        <source>Charts need the kiosk's full application.</source>
        <translation>Diagramme brauchen die vollständige Kiosk-Anwendung.</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Ausweisnummer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Lebenderkennung</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Registrations (%1)</source>
        <translation>Registrierungen (%1)</translation>
    </message>
    <message>
        <source>SimKYC day report %1 - page %2</source>
        <translation>SimKYC-Tagesbericht %1 – Seite %2</translation>
    </message>
    <message>
        <source>Day report %1</source>
        <translation>Tagesbericht %1</translation>
    </message>
    <message>
        <source>Generated %1 by %2. Customer names and ID numbers are masked.</source>
        <translation>Erstellt %1 von %2. Kundennamen und Ausweisnummern sind maskiert.</translation>
    </message>
    <message>
        <source>Registrations: %1.</source>
        <translation>Registrierungen: %1.</translation>
    </message>
    <message>
        <source>Parked: %1</source>
        <translation>Zurückgestellt: %1</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>SIM reconciliation (ICCIDs masked)</source>
        <translation>SIM-Abgleich (ICCIDs maskiert)</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Upload to the carrier: %1 waiting (%2 after a failed try; the oldest from %3), %4 acknowledged, %5 over the quota, %6 parked for the manager. Last success: %7. Next try: %8.</source>
        <translation>Übertragung an den Netzbetreiber: %1 wartend (%2 nach einem Fehlversuch; der älteste von %3), %4 bestätigt, %5 über dem Kontingent, %6 für die Filialleitung zurückgestellt. Letzter Erfolg: %7. Nächster Versuch: %8.</translation>
    </message>
    <message>
        <source>Pass rate %1 % (%2 of %3 automatic decisions). %4 face checks, %5 of them retries. %6 waiting for your decision, %7 reviewed, %8 flagged or not confirmed.</source>
        <translation>Erfolgsquote %1 % (%2 von %3 automatischen Entscheidungen). %4 Gesichtsprüfungen, davon %5 Wiederholungen. %6 warten auf Ihre Entscheidung, %7 geprüft, %8 markiert oder nicht bestätigt.</translation>
    </message>
    <message>
        <source>This kiosk cannot write PDF reports.</source>
        <translation>Dieser Kiosk kann keine PDF-Berichte schreiben.</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries.</source>
        <translation>Prüfkette bestätigt: %1 Einträge.</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1 (%2).</source>
        <translation>Prüfkette bei Eintrag %1 GEBROCHEN (%2).</translation>
    </message>
    <message>
        <source>Your decisions: %1 waiting to be sent, %2 confirmed by the carrier, %3 refused.</source>
        <translation>Ihre Entscheidungen: %1 warten auf das Senden, %2 vom Netzbetreiber bestätigt, %3 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>DayViewScreen</name>
    <message>
        <source>Registrations of %1</source>
        <translation>Registrierungen vom %1</translation>
    </message>
    <message>
        <source>%1 in all: %2 passed, %3 failed, %4 for the manager; %5 not yet acknowledged by the carrier.</source>
        <translation>%1 insgesamt: %2 bestanden, %3 nicht bestanden, %4 für die Filialleitung; %5 noch nicht vom Netzbetreiber bestätigt.</translation>
    </message>
    <message>
        <source>The store could not be read: %1</source>
        <translation>Der Speicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Manual check</source>
        <translation>Manuelle Prüfung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Ausweisnummer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Lebenderkennung</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>No registrations to show.</source>
        <translation>Keine Registrierungen anzuzeigen.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Parked: %1</source>
        <translation>Zurückgestellt: %1</translation>
    </message>
    <message>
        <source>Export the day (CSV)</source>
        <translation>Tag exportieren (CSV)</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>Liste zeigen</translation>
    </message>
    <message>
        <source>Show the charts</source>
        <translation>Diagramme zeigen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Waiting for your decision</source>
        <translation>Wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Names and ID numbers are masked; reading them for this list is recorded in the audit log. Open a record to see it in full and to approve or flag it (also recorded).</source>
        <translation>Namen und Ausweisnummern sind maskiert; das Lesen für diese Liste wird im Prüfprotokoll festgehalten. Öffnen Sie einen Datensatz, um ihn vollständig zu sehen und freizugeben oder zu markieren (ebenfalls festgehalten).</translation>
    </message>
    <message>
        <source>Day report (PDF)</source>
        <translation>Tagesbericht (PDF)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>SIM reconciliation</source>
        <translation>SIM-Abgleich</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>Mitarbeiter</translation>
    </message>
</context>
<context>
    <name>FaceCheck</name>
    <message>
        <source>Look into the camera, please.</source>
        <translation>Bitte schauen Sie in die Kamera.</translation>
    </message>
    <message>
        <source>Only one person, please.</source>
        <translation>Bitte nur eine Person.</translation>
    </message>
    <message>
        <source>Move closer.</source>
        <translation>Bitte näher kommen.</translation>
    </message>
    <message>
        <source>Move back a little.</source>
        <translation>Bitte etwas zurücktreten.</translation>
    </message>
    <message>
        <source>Move your face into the oval.</source>
        <translation>Bitte das Gesicht in das Oval bringen.</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>Bitte gerade in die Kamera schauen.</translation>
    </message>
    <message>
        <source>Too dark: face the light, please.</source>
        <translation>Zu dunkel: bitte zum Licht drehen.</translation>
    </message>
    <message>
        <source>Too bright: step out of the direct light.</source>
        <translation>Zu hell: bitte aus dem direkten Licht treten.</translation>
    </message>
    <message>
        <source>The light is behind you: turn towards the light.</source>
        <translation>Das Licht ist hinter Ihnen: bitte zum Licht drehen.</translation>
    </message>
    <message>
        <source>Hold still, please.</source>
        <translation>Bitte still halten.</translation>
    </message>
    <message>
        <source>Open your eyes, please.</source>
        <translation>Bitte die Augen öffnen.</translation>
    </message>
</context>
<context>
    <name>FaceCheckScreen</name>
    <message>
        <source>Preparing the face check…</source>
        <translation>Gesichtsprüfung wird vorbereitet …</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet …</translation>
    </message>
    <message>
        <source>Face check</source>
        <translation>Gesichtsprüfung</translation>
    </message>
    <message>
        <source>Blink slowly</source>
        <translation>Langsam blinzeln</translation>
    </message>
    <message>
        <source>Turn your head to the left</source>
        <translation>Kopf nach links drehen</translation>
    </message>
    <message>
        <source>Turn your head to the right</source>
        <translation>Kopf nach rechts drehen</translation>
    </message>
    <message>
        <source>Look into the camera</source>
        <translation>In die Kamera schauen</translation>
    </message>
    <message>
        <source>Hold still</source>
        <translation>Still halten</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>No camera is configured for the face check. Set camera.device in the kiosk configuration or start the kiosk with --camera; or hand over to the manager for a manual check.</source>
        <translation>Für die Gesichtsprüfung ist keine Kamera eingerichtet. camera.device in der Kiosk-Konfiguration setzen oder den Kiosk mit --camera starten; oder an die Filialleitung zur manuellen Prüfung übergeben.</translation>
    </message>
    <message>
        <source>The face check is not available in this window.</source>
        <translation>Die Gesichtsprüfung ist in diesem Fenster nicht verfügbar.</translation>
    </message>
    <message>
        <source>The face models could not be loaded (%1). Run simkyc-cli selftest.</source>
        <translation>Die Gesichtsmodelle konnten nicht geladen werden (%1). simkyc-cli selftest ausführen.</translation>
    </message>
    <message>
        <source>The face check stopped: %1</source>
        <translation>Die Gesichtsprüfung wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Manual check by the manager</source>
        <translation>Manuelle Prüfung durch die Filialleitung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Demo: the camera is a recording, not a live camera.</source>
        <translation>Demo: Die Kamera ist eine Aufzeichnung, keine Live-Kamera.</translation>
    </message>
    <message>
        <source>The demo has no picture for the face check: %1. Connect a camera, or hand over to the manager for a manual check.</source>
        <translation>Die Demo hat kein Bild für die Gesichtsprüfung: %1. Schließen Sie eine Kamera an oder übergeben Sie an den Filialleiter zur manuellen Prüfung.</translation>
    </message>
    <message>
        <source>The face check is switched off: the anti-spoofing models are not installed on this kiosk. The manager installs them with simkyc-cli models install; until then, hand over to the manager for a manual check.</source>
        <translation>Die Gesichtsprüfung ist abgeschaltet: Die Modelle gegen Täuschungsversuche sind auf diesem Kiosk nicht installiert. Der Filialleiter installiert sie mit simkyc-cli models install; bis dahin übergeben Sie an den Filialleiter zur manuellen Prüfung.</translation>
    </message>
    <message>
        <source>Please keep looking at the screen</source>
        <translation>Bitte weiter auf den Bildschirm schauen</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Neue Registrierung</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message numerus="yes">
        <source>You are signed out after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Nach %n Minute ohne Eingabe werden Sie abgemeldet.</numerusform>
            <numerusform>Nach %n Minuten ohne Eingabe werden Sie abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today's registrations</source>
        <translation>Heutige Registrierungen</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Mitarbeiterkonten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>IdPhotoModel</name>
    <message>
        <source>This file does not exist. Check the folder and the name, or scan the card again.</source>
        <translation>Diese Datei gibt es nicht. Ordner und Namen prüfen oder den Ausweis neu scannen.</translation>
    </message>
    <message>
        <source>This file cannot be read as an image (damaged, not an image, or too large). Scan the ID card again and save it as PNG or JPEG.</source>
        <translation>Diese Datei lässt sich nicht als Bild lesen (beschädigt, kein Bild oder zu groß). Den Ausweis neu scannen und als PNG oder JPEG speichern.</translation>
    </message>
    <message>
        <source>No face was found on this image. Check that the page with the photo was scanned, the right way up and not cut off, then choose it again.</source>
        <translation>Auf diesem Bild wurde kein Gesicht gefunden. Prüfen, dass die Seite mit dem Foto gescannt wurde, richtig herum und nicht abgeschnitten, dann erneut wählen.</translation>
    </message>
    <message>
        <source>There is more than one face on this image. Scan the customer's ID page alone on the scanner glass, then choose the new file.</source>
        <translation>Auf diesem Bild ist mehr als ein Gesicht. Nur die Ausweisseite des Kunden allein auf das Scannerglas legen, scannen und die neue Datei wählen.</translation>
    </message>
    <message>
        <source>The photo on the document is too small or blurred to be checked. Scan the card again at 300 dpi or more.</source>
        <translation>Das Foto auf dem Dokument ist zu klein oder unscharf für die Prüfung. Den Ausweis mit 300 dpi oder mehr neu scannen.</translation>
    </message>
    <message>
        <source>The image could not be checked (internal error). Try again; if it happens again, tell the manager.</source>
        <translation>Das Bild konnte nicht geprüft werden (interner Fehler). Erneut versuchen; wenn es wieder passiert, den Filialleiter informieren.</translation>
    </message>
    <message>
        <source>The camera cannot be used (not connected, busy or gone). Check its cable, or scan the card and choose the file instead.</source>
        <translation>Die Kamera kann nicht benutzt werden (nicht angeschlossen, belegt oder weg). Prüfen Sie das Kabel, oder scannen Sie die Karte und wählen Sie die Datei.</translation>
    </message>
    <message>
        <source>The recording ended before a card was seen. Start the camera again, or choose the scanned file.</source>
        <translation>Die Aufnahme endete, bevor eine Karte zu sehen war. Starten Sie die Kamera erneut, oder wählen Sie die gescannte Datei.</translation>
    </message>
    <message>
        <source>Hold the card flat inside the frame, photo side to the camera.</source>
        <translation>Halten Sie die Karte flach in den Rahmen, die Fotoseite zur Kamera.</translation>
    </message>
    <message>
        <source>Card found. Hold it still…</source>
        <translation>Karte gefunden. Bitte ruhig halten …</translation>
    </message>
    <message>
        <source>The card is blurred. Hold it still, a little further from the camera.</source>
        <translation>Die Karte ist unscharf. Halten Sie sie ruhig, etwas weiter von der Kamera entfernt.</translation>
    </message>
    <message>
        <source>No photo on this side. Turn the card over.</source>
        <translation>Auf dieser Seite ist kein Foto. Drehen Sie die Karte um.</translation>
    </message>
    <message>
        <source>The photo is too small. Hold the card closer.</source>
        <translation>Das Foto ist zu klein. Halten Sie die Karte näher heran.</translation>
    </message>
    <message>
        <source>More than one face on the card. Show the ID card alone.</source>
        <translation>Mehr als ein Gesicht auf der Karte. Zeigen Sie nur den Ausweis.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet …</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>Kamera</translation>
    </message>
</context>
<context>
    <name>IdPhotoScreen</name>
    <message>
        <source>Images in %1 (newest first):</source>
        <translation>Bilder in %1 (neueste zuerst):</translation>
    </message>
    <message>
        <source>No image files here yet. Scan the card, then press Refresh.</source>
        <translation>Hier sind noch keine Bilddateien. Den Ausweis scannen, dann „Aktualisieren“ drücken.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Or type the path of the image:</source>
        <translation>Oder den Pfad des Bildes eingeben:</translation>
    </message>
    <message>
        <source>Looking for the photo on the document…</source>
        <translation>Foto auf dem Dokument wird gesucht …</translation>
    </message>
    <message>
        <source>Choose the scanned ID image on the left.</source>
        <translation>Links das gescannte Ausweisbild wählen.</translation>
    </message>
    <message>
        <source>Photo found. Compare it with the customer.</source>
        <translation>Foto gefunden. Mit dem Kunden vergleichen.</translation>
    </message>
    <message>
        <source>Use this photo</source>
        <translation>Dieses Foto verwenden</translation>
    </message>
    <message>
        <source>Choose another</source>
        <translation>Anderes wählen</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Registrierung abbrechen</translation>
    </message>
    <message>
        <source>ID photo: the ID card from the scanner, the chip reader or the camera</source>
        <translation>Ausweisfoto: der Ausweis vom Scanner, vom Chipleser oder von der Kamera</translation>
    </message>
    <message>
        <source>Stop the camera</source>
        <translation>Kamera anhalten</translation>
    </message>
    <message>
        <source>Hold the card up to the camera</source>
        <translation>Karte vor die Kamera halten</translation>
    </message>
    <message>
        <source>No camera is set for the card (camera.id_card in the configuration): scan it and choose the file.</source>
        <translation>Für die Karte ist keine Kamera eingestellt (camera.id_card in der Konfiguration): scannen Sie sie und wählen Sie die Datei.</translation>
    </message>
    <message>
        <source>Choose the scanned ID image on the left, or hold the card up to the camera.</source>
        <translation>Wählen Sie links das gescannte Ausweisbild, oder halten Sie die Karte vor die Kamera.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>SimKYC: sign in</source>
        <translation>SimKYC: Anmeldung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>SimKYC kiosk</source>
        <translation>SimKYC-Terminal</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>✓ Identity confirmed</source>
        <translation>✓ Identität bestätigt</translation>
    </message>
    <message>
        <source>The manager will check the ID card in person</source>
        <translation>Die Filialleitung prüft den Ausweis persönlich</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>✗ The face check did not succeed</source>
        <translation>✗ Die Gesichtsprüfung war nicht erfolgreich</translation>
    </message>
    <message>
        <source>For the clerk</source>
        <translation>Für das Personal</translation>
    </message>
    <message>
        <source>The registration could not be saved: %1. Nothing is lost while this screen is open; free disk space or ask the manager, then save again.</source>
        <translation>Die Registrierung konnte nicht gespeichert werden: %1. Solange dieser Bildschirm offen ist, geht nichts verloren; Speicherplatz freigeben oder die Filialleitung fragen, dann erneut speichern.</translation>
    </message>
    <message>
        <source>Saved (encrypted) as %1; upload to the carrier: %2.</source>
        <translation>Verschlüsselt gespeichert als %1; Übertragung an den Netzbetreiber: %2.</translation>
    </message>
    <message>
        <source>Not saved yet: choose below. Finishing records the failed check.</source>
        <translation>Noch nicht gespeichert: unten wählen. „Beenden“ speichert die fehlgeschlagene Prüfung.</translation>
    </message>
    <message>
        <source>Try the face check again</source>
        <translation>Gesichtsprüfung wiederholen</translation>
    </message>
    <message>
        <source>Manual check by the manager</source>
        <translation>Manuelle Prüfung durch die Filialleitung</translation>
    </message>
    <message>
        <source>Save again</source>
        <translation>Erneut speichern</translation>
    </message>
    <message>
        <source>Finish (record as failed)</source>
        <translation>Beenden (als fehlgeschlagen speichern)</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Nächste Kundin / nächster Kunde</translation>
    </message>
    <message>
        <source>No attempts left (%1 per 10 minutes)</source>
        <translation>Keine Versuche mehr (%1 pro 10 Minuten)</translation>
    </message>
</context>
<context>
    <name>RecordDetailModel</name>
    <message>
        <source>Confirm the identity</source>
        <translation>Identität bestätigen</translation>
    </message>
    <message>
        <source>Identity not confirmed</source>
        <translation>Identität nicht bestätigt</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>This kiosk has no store to read from.</source>
        <translation>Dieser Kiosk hat keinen Speicher zum Lesen.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>Ausweisnummer: %1</translation>
    </message>
    <message>
        <source>Birth date: %1</source>
        <translation>Geburtsdatum: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>SIM (ICCID): %1</source>
        <translation>SIM (ICCID): %1</translation>
    </message>
    <message>
        <source>The customer's data is no longer held: %1</source>
        <translation>Die Kundendaten werden nicht mehr aufbewahrt: %1</translation>
    </message>
    <message>
        <source>No face picture: the customer chose the manual check, the face check did not get that far, or the picture was deleted after the retention period.</source>
        <translation>Kein Gesichtsbild: Der Kunde hat die manuelle Prüfung gewählt, die Gesichtsprüfung kam nicht so weit, oder das Bild wurde nach der Aufbewahrungsfrist gelöscht.</translation>
    </message>
    <message>
        <source>Unknown decision.</source>
        <translation>Unbekannte Entscheidung.</translation>
    </message>
    <message>
        <source>The decision was not recorded: %1</source>
        <translation>Die Entscheidung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>confirmed by the carrier</source>
        <translation>vom Netzbetreiber bestätigt</translation>
    </message>
    <message>
        <source>refused by the carrier: see the upload</source>
        <translation>vom Netzbetreiber abgelehnt: siehe Übertragung</translation>
    </message>
    <message>
        <source>sent after the record</source>
        <translation>wird nach dem Datensatz gesendet</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>wartet auf das Senden</translation>
    </message>
    <message>
        <source>Record as cancelled</source>
        <translation>Als gekündigt erfassen</translation>
    </message>
    <message>
        <source>You registered this customer yourself: another manager confirms the identity.</source>
        <translation>Sie haben diesen Kunden selbst registriert: ein anderer Filialleiter bestätigt die Identität.</translation>
    </message>
</context>
<context>
    <name>RecordDetailScreen</name>
    <message>
        <source>Registration of %1</source>
        <translation>Registrierung vom %1</translation>
    </message>
    <message>
        <source>Left: the face on the ID photo. Right: the face at the kiosk.</source>
        <translation>Links: das Gesicht auf dem Ausweisfoto. Rechts: das Gesicht am Kiosk.</translation>
    </message>
    <message>
        <source>Outcome: %1   Liveness: %2   Distance: %3   Face checks: %4   Upload: %5</source>
        <translation>Ergebnis: %1   Lebenderkennung: %2   Abstand: %3   Gesichtsprüfungen: %4   Übertragung: %5</translation>
    </message>
    <message>
        <source>Clerk: %1. %2</source>
        <translation>Mitarbeiter: %1. %2</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>The clerk handed this customer to you: decide below.</source>
        <translation>Der Mitarbeiter hat diesen Kunden an Sie übergeben: Entscheiden Sie unten.</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Back to the day</source>
        <translation>Zurück zum Tag</translation>
    </message>
    <message>
        <source>Opening this record, its picture and every decision are recorded in the audit log. Decisions go to the carrier with the next upload, once it holds the record.</source>
        <translation>Das Öffnen dieses Datensatzes, sein Bild und jede Entscheidung werden im Prüfprotokoll festgehalten. Entscheidungen gehen mit der nächsten Übertragung an den Netzbetreiber, sobald er den Datensatz hat.</translation>
    </message>
</context>
<context>
    <name>RegistrationWorkflow</name>
    <message>
        <source>Type your name and your password.</source>
        <translation>Geben Sie Ihren Namen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>The staff list cannot be read (%1). Ask the manager.</source>
        <translation>Die Mitarbeiterliste kann nicht gelesen werden (%1). Fragen Sie die Filialleitung.</translation>
    </message>
    <message>
        <source>The name or the password is wrong.</source>
        <translation>Name oder Passwort ist falsch.</translation>
    </message>
    <message numerus="yes">
        <source>Signed out after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Nach %n Minute ohne Eingabe abgemeldet.</numerusform>
            <numerusform>Nach %n Minuten ohne Eingabe abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked (too many wrong passwords, or by the manager). Try again in %1, or ask the manager.</source>
        <translation>Dieses Konto ist gesperrt (zu viele falsche Passwörter oder durch die Filialleitung). Versuchen Sie es in %1 erneut oder fragen Sie die Filialleitung.</translation>
    </message>
    <message>
        <source>This account is locked. Ask the manager.</source>
        <translation>Dieses Konto ist gesperrt. Fragen Sie die Filialleitung.</translation>
    </message>
    <message>
        <source>This customer had %1 face checks in the last 10 minutes. The next one is possible at %2; or hand over to the manager for a manual check.</source>
        <translation>Diese Person hatte in den letzten 10 Minuten %1 Gesichtsprüfungen. Die nächste ist ab %2 möglich; oder an die Filialleitung zur manuellen Prüfung übergeben.</translation>
    </message>
    <message>
        <source>This kiosk has no store to save to.</source>
        <translation>Dieser Kiosk hat keinen Speicher.</translation>
    </message>
    <message>
        <source>Liveness check passed.</source>
        <translation>Lebenderkennung bestanden.</translation>
    </message>
    <message>
        <source>The face matches the ID photo.</source>
        <translation>Das Gesicht passt zum Ausweisfoto.</translation>
    </message>
    <message>
        <source>The face does not match the ID photo.</source>
        <translation>Das Gesicht passt nicht zum Ausweisfoto.</translation>
    </message>
    <message>
        <source>A prompt was not followed in time.</source>
        <translation>Eine Aufforderung wurde nicht rechtzeitig befolgt.</translation>
    </message>
    <message>
        <source>The head turned the wrong way.</source>
        <translation>Der Kopf wurde in die falsche Richtung gedreht.</translation>
    </message>
    <message>
        <source>The face moved like a flat picture (photo or screen).</source>
        <translation>Das Gesicht bewegte sich wie ein flaches Bild (Foto oder Bildschirm).</translation>
    </message>
    <message>
        <source>The face left the camera's view.</source>
        <translation>Das Gesicht hat das Kamerabild verlassen.</translation>
    </message>
    <message>
        <source>A different face appeared during the check.</source>
        <translation>Während der Prüfung erschien ein anderes Gesicht.</translation>
    </message>
    <message>
        <source>More than one person was in view.</source>
        <translation>Mehr als eine Person war im Bild.</translation>
    </message>
    <message>
        <source>No face was seen.</source>
        <translation>Es wurde kein Gesicht erkannt.</translation>
    </message>
    <message>
        <source>The prompts were not completed.</source>
        <translation>Die Aufforderungen wurden nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The person could not be followed from start to end.</source>
        <translation>Die Person konnte nicht von Anfang bis Ende verfolgt werden.</translation>
    </message>
    <message>
        <source>The camera stream looked injected (timing or frames).</source>
        <translation>Der Kamerastrom wirkte eingespielt (Zeitverhalten oder Bilder).</translation>
    </message>
    <message>
        <source>A virtual camera is not accepted.</source>
        <translation>Eine virtuelle Kamera wird nicht akzeptiert.</translation>
    </message>
    <message>
        <source>No sharp frontal frame of the face.</source>
        <translation>Kein scharfes Frontalbild des Gesichts.</translation>
    </message>
    <message>
        <source>The customer chose the manual check instead of the face check.</source>
        <translation>Die Person hat die manuelle Prüfung statt der Gesichtsprüfung gewählt.</translation>
    </message>
    <message>
        <source>Handed over to the manager.</source>
        <translation>An die Filialleitung übergeben.</translation>
    </message>
    <message>
        <source>No camera was configured.</source>
        <translation>Es war keine Kamera eingerichtet.</translation>
    </message>
    <message>
        <source>The face check was not available.</source>
        <translation>Die Gesichtsprüfung war nicht verfügbar.</translation>
    </message>
    <message>
        <source>The face models did not load.</source>
        <translation>Die Gesichtsmodelle wurden nicht geladen.</translation>
    </message>
    <message>
        <source>The camera failed during the face check.</source>
        <translation>Die Kamera ist während der Gesichtsprüfung ausgefallen.</translation>
    </message>
    <message>
        <source>Too many face checks for this customer in 10 minutes.</source>
        <translation>Zu viele Gesichtsprüfungen für diese Person in 10 Minuten.</translation>
    </message>
    <message>
        <source>No report folder is configured.</source>
        <translation>Es ist kein Berichtsordner eingerichtet.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>The face looked like a photo or a screen, not a live person.</source>
        <translation>Das Gesicht wirkte wie ein Foto oder ein Bildschirm, nicht wie eine lebende Person.</translation>
    </message>
    <message>
        <source>The face could not be checked for a photo or a screen.</source>
        <translation>Es konnte nicht geprüft werden, ob das Gesicht ein Foto oder ein Bildschirm ist.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>refused (ID quota)</source>
        <translation>abgelehnt (Ausweis-Kontingent)</translation>
    </message>
    <message>
        <source>refused (to check)</source>
        <translation>abgelehnt (zu prüfen)</translation>
    </message>
    <message>
        <source>match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>for the manager</source>
        <translation>für die Filialleitung</translation>
    </message>
    <message>
        <source>approved by hand</source>
        <translation>von Hand bestätigt</translation>
    </message>
    <message>
        <source>rejected by hand</source>
        <translation>von Hand abgelehnt</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht durchgeführt</translation>
    </message>
    <message>
        <source>The person in front of the camera changed during the check.</source>
        <translation>Die Person vor der Kamera hat während der Prüfung gewechselt.</translation>
    </message>
    <message>
        <source>The check was paused for too long.</source>
        <translation>Die Prüfung war zu lange unterbrochen.</translation>
    </message>
    <message>
        <source>This camera is not the kiosk's own camera.</source>
        <translation>Diese Kamera ist nicht die eigene Kamera des Kiosks.</translation>
    </message>
    <message>
        <source>The kiosk could not count this ID number's registrations, so it cannot go on. Try again; if it happens again, call the store manager.</source>
        <translation>Der Kiosk konnte die Registrierungen dieser Ausweisnummer nicht zählen und kann daher nicht fortfahren. Bitte erneut versuchen; wenn es wieder passiert, die Filialleitung rufen.</translation>
    </message>
    <message>
        <source>This ID number already has %1 SIM registrations at this kiosk, the most allowed. No new number can be registered for it. Failed checks do not count.</source>
        <translation>Für diese Ausweisnummer gibt es an diesem Kiosk bereits %1 SIM-Registrierungen, die Höchstzahl. Es kann keine weitere Nummer dafür registriert werden. Fehlgeschlagene Prüfungen zählen nicht.</translation>
    </message>
    <message>
        <source>The face in front of the camera is a staff member's. This registration cannot go on; the manager sees it in the day's records.</source>
        <translation>Das Gesicht vor der Kamera gehört einem Mitarbeiter. Diese Registrierung kann nicht fortgesetzt werden; die Filialleitung sieht sie in den Registrierungen des Tages.</translation>
    </message>
    <message>
        <source>This ID number already has %1 SIM numbers with the carrier, in this or other shops: the most allowed. No new number can be registered for it.</source>
        <translation>Für diese Ausweisnummer gibt es beim Netzbetreiber bereits %1 SIM-Nummern, in dieser oder anderen Filialen: die Höchstzahl. Es kann keine weitere Nummer dafür registriert werden.</translation>
    </message>
    <message>
        <source>The carrier found this face under another ID number: check the ID card and the customer again.</source>
        <translation>Der Anbieter hat dieses Gesicht unter einer anderen Ausweisnummer gefunden: Ausweis und Kunden erneut prüfen.</translation>
    </message>
    <message>
        <source>The anti-spoofing models are not installed on this kiosk.</source>
        <translation>Die Modelle gegen Täuschungsversuche sind auf diesem Kiosk nicht installiert.</translation>
    </message>
    <message>
        <source>The face did not reflect the screen's colours as skin does (a screen or a print).</source>
        <translation>Das Gesicht hat die Farben des Bildschirms nicht wie Haut zurückgeworfen (ein Bildschirm oder ein Ausdruck).</translation>
    </message>
    <message>
        <source>The face was not seen well enough while the screen changed colour.</source>
        <translation>Das Gesicht war nicht gut genug zu sehen, während der Bildschirm die Farbe wechselte.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Identity confirmed by the manager</source>
        <translation>Identität von der Filialleitung bestätigt</translation>
    </message>
    <message>
        <source>Identity not confirmed</source>
        <translation>Identität nicht bestätigt</translation>
    </message>
    <message>
        <source>checked, nothing wrong</source>
        <translation>geprüft, alles in Ordnung</translation>
    </message>
    <message>
        <source>the live face and the ID photo do not look alike</source>
        <translation>das Live-Gesicht und das Ausweisfoto sehen sich nicht ähnlich</translation>
    </message>
    <message>
        <source>the document looks forged or altered</source>
        <translation>das Dokument wirkt gefälscht oder verändert</translation>
    </message>
    <message>
        <source>the typed data does not match the document</source>
        <translation>die eingegebenen Daten passen nicht zum Dokument</translation>
    </message>
    <message>
        <source>the customer's behaviour needs a second look</source>
        <translation>das Verhalten des Kunden erfordert einen zweiten Blick</translation>
    </message>
    <message>
        <source>other (see the shop's log book)</source>
        <translation>Sonstiges (siehe Geschäftsbuch)</translation>
    </message>
    <message>
        <source>ID card checked in person</source>
        <translation>Ausweis persönlich geprüft</translation>
    </message>
    <message>
        <source>a second photo ID checked in person</source>
        <translation>ein zweiter Lichtbildausweis persönlich geprüft</translation>
    </message>
    <message>
        <source>the person could not be matched to the ID card</source>
        <translation>die Person ließ sich dem Ausweis nicht zuordnen</translation>
    </message>
    <message>
        <source>the customer left before the check</source>
        <translation>der Kunde ging vor der Prüfung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>Rufnummer gekündigt</translation>
    </message>
    <message>
        <source>the customer gave the number up</source>
        <translation>der Kunde hat die Rufnummer aufgegeben</translation>
    </message>
    <message>
        <source>the SIM was lost or stolen</source>
        <translation>die SIM-Karte wurde verloren oder gestohlen</translation>
    </message>
    <message>
        <source>the number was cut off for suspected fraud</source>
        <translation>die Rufnummer wurde wegen Betrugsverdachts gesperrt</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Changes apply to the next face check and are recorded in the audit log. The operator's configuration file holds the starting values.</source>
        <translation>Änderungen gelten ab der nächsten Gesichtsprüfung und werden im Prüfprotokoll festgehalten. Die Konfigurationsdatei des Betreibers enthält die Ausgangswerte.</translation>
    </message>
    <message>
        <source>Settings cannot be changed on this kiosk.</source>
        <translation>Auf diesem Kiosk können keine Einstellungen geändert werden.</translation>
    </message>
    <message>
        <source>%1 (file: %2)</source>
        <translation>%1 (Datei: %2)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <source>Face match threshold (lower is stricter: fewer impostors, more refusals)</source>
        <translation>Schwelle des Gesichtsabgleichs (niedriger ist strenger: weniger Betrüger, mehr Ablehnungen)</translation>
    </message>
    <message>
        <source>Gestures per face check</source>
        <translation>Gesten pro Gesichtsprüfung</translation>
    </message>
    <message>
        <source>Seconds the customer has for each gesture</source>
        <translation>Sekunden, die der Kunde für jede Geste hat</translation>
    </message>
    <message>
        <source>Face checks per customer in 10 minutes</source>
        <translation>Gesichtsprüfungen pro Kunde in 10 Minuten</translation>
    </message>
    <message>
        <source>Days the face pictures are kept for your review after upload</source>
        <translation>Tage, die die Gesichtsbilder nach der Übertragung für Ihre Prüfung aufbewahrt werden</translation>
    </message>
    <message>
        <source>Days customer data is kept after the carrier confirmed it</source>
        <translation>Tage, die Kundendaten nach der Bestätigung durch den Netzbetreiber aufbewahrt werden</translation>
    </message>
    <message>
        <source>The saved settings cannot be read: %1</source>
        <translation>Die gespeicherten Einstellungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Settings cannot be changed on this kiosk.</source>
        <translation>Auf diesem Kiosk können keine Einstellungen geändert werden.</translation>
    </message>
    <message>
        <source>This setting cannot be changed here.</source>
        <translation>Diese Einstellung kann hier nicht geändert werden.</translation>
    </message>
    <message>
        <source>%1 must be within %2; nothing was changed.</source>
        <translation>%1 muss im Bereich %2 liegen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The setting could not be saved: %1</source>
        <translation>Die Einstellung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved, but the audit log could not record it: %1</source>
        <translation>Gespeichert, aber das Prüfprotokoll konnte es nicht festhalten: %1</translation>
    </message>
    <message>
        <source>Saved: %1 is now %2 (was %3).</source>
        <translation>Gespeichert: %1 ist jetzt %2 (vorher %3).</translation>
    </message>
</context>
<context>
    <name>SimReconciliation</name>
    <message>
        <source>%1  (records %2)</source>
        <translation>%1  (Datensätze %2)</translation>
    </message>
    <message>
        <source>Open the day view first.</source>
        <translation>Öffnen Sie zuerst die Tagesansicht.</translation>
    </message>
    <message>
        <source>Give the file of the carrier's export.</source>
        <translation>Geben Sie die Exportdatei des Netzbetreibers an.</translation>
    </message>
    <message>
        <source>The export was not read: %1</source>
        <translation>Der Export wurde nicht gelesen: %1</translation>
    </message>
    <message>
        <source>Activated without a registration (%1)</source>
        <translation>Aktiviert ohne Registrierung (%1)</translation>
    </message>
    <message>
        <source>Activated although no registration handed it over (%1)</source>
        <translation>Aktiviert, obwohl keine Registrierung sie ausgegeben hat (%1)</translation>
    </message>
    <message>
        <source>Handed over by two or more registrations (%1)</source>
        <translation>Von zwei oder mehr Registrierungen ausgegeben (%1)</translation>
    </message>
    <message>
        <source>Handed over but not activated (%1)</source>
        <translation>Ausgegeben, aber nicht aktiviert (%1)</translation>
    </message>
    <message>
        <source>%1: %2 activated SIMs, %3 registrations. %4</source>
        <translation>%1: %2 aktivierte SIMs, %3 Registrierungen. %4</translation>
    </message>
    <message>
        <source>Everything reconciles.</source>
        <translation>Alles stimmt überein.</translation>
    </message>
    <message>
        <source>Something does not reconcile: see the lists.</source>
        <translation>Etwas stimmt nicht überein: siehe die Listen.</translation>
    </message>
    <message>
        <source> %1 registrations not compared: their customer data is shredded.</source>
        <translation> %1 Registrierungen nicht verglichen: ihre Kundendaten sind gelöscht.</translation>
    </message>
</context>
<context>
    <name>SimReconciliationPanel</name>
    <message>
        <source>Save the carrier's export of the SIMs activated on %1 (UTC) as a CSV file with an &quot;iccid&quot; column, then reconcile it with this kiosk's registrations of that day.</source>
        <translation>Speichern Sie den Export des Netzbetreibers mit den am %1 (UTC) aktivierten SIMs als CSV-Datei mit einer Spalte „iccid“ und gleichen Sie ihn dann mit den Registrierungen dieses Kiosks an diesem Tag ab.</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Abgleichen</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Staff accounts</source>
        <translation>Mitarbeiterkonten</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Password (at least 8 characters)</source>
        <translation>Passwort (mindestens 8 Zeichen)</translation>
    </message>
    <message>
        <source>The password again</source>
        <translation>Das Passwort noch einmal</translation>
    </message>
    <message>
        <source>Add as a clerk</source>
        <translation>Als Mitarbeiter anlegen</translation>
    </message>
    <message>
        <source>Set this new password</source>
        <translation>Dieses neue Passwort setzen</translation>
    </message>
    <message>
        <source>Every change is recorded in the audit log under your name. A locked account opens again when you set a new password for it.</source>
        <translation>Jede Änderung wird unter Ihrem Namen im Prüfprotokoll festgehalten. Ein gesperrtes Konto wird wieder geöffnet, wenn Sie ein neues Passwort dafür setzen.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>locked until a new password is set</source>
        <translation>gesperrt, bis ein neues Passwort gesetzt ist</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <source>active; %1 failed sign-in(s) since the last success</source>
        <translation>aktiv; %1 fehlgeschlagene Anmeldung(en) seit der letzten erfolgreichen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Sign in as a manager first.</source>
        <translation>Melden Sie sich zuerst als Filialleitung an.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Not added: the name %1 is taken.</source>
        <translation>Nicht angelegt: Der Name %1 ist vergeben.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Clerk %1 added. They sign in with the password you gave them.</source>
        <translation>Mitarbeiter %1 angelegt. Er meldet sich mit dem Passwort an, das Sie ihm gegeben haben.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>New password set for %1; the account is unlocked.</source>
        <translation>Neues Passwort für %1 gesetzt; das Konto ist entsperrt.</translation>
    </message>
    <message>
        <source>You cannot lock your own account.</source>
        <translation>Sie können Ihr eigenes Konto nicht sperren.</translation>
    </message>
    <message>
        <source>Not locked: %1</source>
        <translation>Nicht gesperrt: %1</translation>
    </message>
    <message>
        <source>%1 is locked until you set a new password.</source>
        <translation>%1 ist gesperrt, bis Sie ein neues Passwort setzen.</translation>
    </message>
    <message>
        <source>Another manager's password is not set here: they set it themselves, or the operator does.</source>
        <translation>Das Passwort eines anderen Filialleiters wird hier nicht gesetzt: er setzt es selbst, oder der Betreiber.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo accounts: clerk %1 / %2, manager %3 / %4</source>
        <translation>Demo-Konten: Personal %1 / %2, Filialleitung %3 / %4</translation>
    </message>
</context>
</TS>
