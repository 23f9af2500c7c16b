<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>NotBuiltScreen</name>
    <message>
        <source>Next step not built yet</source>
        <translation>Nächster Schritt noch nicht gebaut</translation>
    </message>
    <message>
        <source>The customer data was checked. Capturing the ID card, the customer&apos;s consent, the liveness check and the face match are not built in this version of SimKYC, so this registration cannot be completed and nothing has been stored.</source>
        <translation>Die Kundendaten wurden geprüft. Ausweiserfassung, Einwilligung, Lebenderkennung und Gesichtsabgleich sind in dieser Version von SimKYC noch nicht gebaut; diese Registrierung kann daher nicht abgeschlossen werden, und nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>End this registration</source>
        <translation>Registrierung beenden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo account: %1 / %2</source>
        <translation>Demo-Konto: %1 / %2</translation>
    </message>
</context>
</TS>
