<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddTodoBar</name>
    <message>
        <source>Add a todo for today…</source>
        <translation>Aufgabe für heute hinzufügen …</translation>
    </message>
    <message>
        <source>Add a todo for %1…</source>
        <translation>Aufgabe für %1 hinzufügen …</translation>
    </message>
    <message>
        <source>New todo text</source>
        <translation>Text der neuen Aufgabe</translation>
    </message>
    <message>
        <source>Priority of the new todo</source>
        <translation>Priorität der neuen Aufgabe</translation>
    </message>
    <message>
        <source>↑ High</source>
        <translation>↑ Hoch</translation>
    </message>
    <message>
        <source>– Medium</source>
        <translation>– Mittel</translation>
    </message>
    <message>
        <source>↓ Low</source>
        <translation>↓ Niedrig</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add todo</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>the built-in server</source>
        <translation>dem eingebauten Server</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Try https://example.com.</source>
        <translation>„%1“ ist keine Serveradresse. Zum Beispiel: https://example.com.</translation>
    </message>
    <message>
        <source>Now syncing with %1.</source>
        <translation>Jetzt synchronisiert mit %1.</translation>
    </message>
    <message>
        <source>Now using the built-in server.</source>
        <translation>Jetzt mit dem eingebauten Server.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>dddd, d MMMM</source>
        <comment>QLocale date format: a day of this year</comment>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>dddd, d MMMM yyyy</source>
        <comment>QLocale date format: a day of another year</comment>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>AppMenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About Dayboard</source>
        <translation>Über Dayboard</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sortieren</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Dayboard: calm per-day todo lists.</source>
        <translation>Dayboard: ruhige Aufgabenlisten für jeden Tag.</translation>
    </message>
    <message>
        <source>Sync with the server at &lt;url&gt; (this run only).</source>
        <translation>Mit dem Server unter &lt;url&gt; synchronisieren (nur bei diesem Start).</translation>
    </message>
    <message>
        <source>API key for --server.</source>
        <translation>API-Schlüssel für --server.</translation>
    </message>
    <message>
        <source>Keep settings and data in &lt;dir&gt;.</source>
        <translation>Einstellungen und Daten in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <source>Open a new window (in the running Dayboard if there is one).</source>
        <translation>Ein neues Fenster öffnen (im laufenden Dayboard, falls es eines gibt).</translation>
    </message>
    <message>
        <source>--server needs an http(s) or ws(s) URL, e.g. https://example.com
</source>
        <translation>--server braucht eine http(s)- oder ws(s)-URL, z. B. https://example.com
</translation>
    </message>
</context>
<context>
    <name>BuiltInServerPanel</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Copied the %1.</source>
        <translation>%1 kopiert.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Built-in server address</source>
        <translation>Adresse des eingebauten Servers</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>On the network</source>
        <translation>Im Netzwerk</translation>
    </message>
    <message>
        <source>Built-in server address on the network</source>
        <translation>Adresse des eingebauten Servers im Netzwerk</translation>
    </message>
    <message>
        <source>network address</source>
        <translation>Netzwerkadresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Built-in server API key</source>
        <translation>API-Schlüssel des eingebauten Servers</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation>API-Schlüssel verbergen</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>API-Schlüssel zeigen</translation>
    </message>
    <message>
        <source>Share on the local network</source>
        <translation>Im lokalen Netzwerk freigeben</translation>
    </message>
    <message>
        <source>Other devices on your network can reach it with the address and key above. Turn this off to keep it to this computer.</source>
        <translation>Andere Geräte in deinem Netzwerk erreichen ihn mit Adresse und Schlüssel oben. Schalte das aus, damit nur dieser Computer ihn erreicht.</translation>
    </message>
    <message>
        <source>Only this computer can reach it (127.0.0.1). Your lists stay here and work offline.</source>
        <translation>Nur dieser Computer erreicht ihn (127.0.0.1). Deine Listen bleiben hier und funktionieren auch offline.</translation>
    </message>
</context>
<context>
    <name>CarryBanner</name>
    <message>
        <source>Carry over to today</source>
        <translation>Auf heute übertragen</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished todo(s) left on this day.</source>
        <translation>
            <numerusform>%n unerledigte Aufgabe an diesem Tag.</numerusform>
            <numerusform>%n unerledigte Aufgaben an diesem Tag.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliConnection</name>
    <message>
        <source>No API key for %1: give --key or set DAYBOARD_API_KEY.</source>
        <translation>Kein API-Schlüssel für %1: gib --key an oder setze DAYBOARD_API_KEY.</translation>
    </message>
    <message>
        <source>the running Dayboard&apos;s built-in server (%1)</source>
        <translation>der eingebaute Server des laufenden Dayboard (%1)</translation>
    </message>
    <message>
        <source>The data folder %1 is in use by another Dayboard (process %2) whose server does not answer; close it, or give --server and --key.</source>
        <translation>Der Datenordner %1 wird von einem anderen Dayboard (Prozess %2) benutzt, dessen Server nicht antwortet; beende es oder gib --server und --key an.</translation>
    </message>
    <message>
        <source>the data folder %1</source>
        <translation>der Datenordner %1</translation>
    </message>
    <message>
        <source>%1 refused the API key.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is not a Dayboard or HPKV server: %2</source>
        <translation>%1 ist kein Dayboard- oder HPKV-Server: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: the WebSocket did not connect.</source>
        <translation>%1 ist nicht erreichbar: Der WebSocket hat keine Verbindung bekommen.</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>Print machine-readable JSON instead of text.</source>
        <translation>Maschinenlesbares JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>Use the Dayboard or HPKV server at &lt;url&gt; (default: $DAYBOARD_SERVER, else your own Dayboard).</source>
        <translation>Den Dayboard- oder HPKV-Server unter &lt;url&gt; benutzen (Standard: $DAYBOARD_SERVER, sonst dein eigenes Dayboard).</translation>
    </message>
    <message>
        <source>The server&apos;s API key (default: $DAYBOARD_API_KEY, else the app&apos;s stored key).</source>
        <translation>Der API-Schlüssel des Servers (Standard: $DAYBOARD_API_KEY, sonst der in der App gespeicherte).</translation>
    </message>
    <message>
        <source>The app&apos;s data folder (default: %1).</source>
        <translation>Der Datenordner der App (Standard: %1).</translation>
    </message>
    <message>
        <source>Write attempts when the day changes under an edit (default: 20).</source>
        <translation>Schreibversuche, wenn sich der Tag während einer Änderung ändert (Standard: 20).</translation>
    </message>
    <message>
        <source>Milliseconds to wait for the server (default: 10000).</source>
        <translation>Millisekunden, die auf den Server gewartet wird (Standard: 10000).</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a day (today, tomorrow, fri, +3, 2026-12-24).</source>
        <translation>--%1: „%2“ ist kein Tag (today, tomorrow, fri, +3, 2026-12-24).</translation>
    </message>
    <message>
        <source>No todo has the id %1.</source>
        <translation>Keine Aufgabe hat die ID %1.</translation>
    </message>
    <message>
        <source>%1 is the start of %2 ids: %3</source>
        <translation>%1 ist der Anfang von %2 IDs: %3</translation>
    </message>
    <message>
        <source>Missing %1 (see --help).</source>
        <translation>%1 fehlt (siehe --help).</translation>
    </message>
</context>
<context>
    <name>CommandTable</name>
    <message>
        <source>Add a todo (to today by default).</source>
        <translation>Eine Aufgabe hinzufügen (standardmäßig für heute).</translation>
    </message>
    <message>
        <source>List the todos of a day or a range.</source>
        <translation>Die Aufgaben eines Tages oder Zeitraums auflisten.</translation>
    </message>
    <message>
        <source>Mark a todo done.</source>
        <translation>Eine Aufgabe als erledigt markieren.</translation>
    </message>
    <message>
        <source>Change a todo&apos;s text.</source>
        <translation>Den Text einer Aufgabe ändern.</translation>
    </message>
    <message>
        <source>Delete a todo.</source>
        <translation>Eine Aufgabe löschen.</translation>
    </message>
    <message>
        <source>Move a todo to another day.</source>
        <translation>Eine Aufgabe auf einen anderen Tag verschieben.</translation>
    </message>
    <message>
        <source>Print every change to the days as it happens, until interrupted.</source>
        <translation>Jede Änderung an den Tagen ausgeben, sobald sie geschieht, bis zum Abbruch.</translation>
    </message>
    <message>
        <source>Export todos as JSON, iCalendar or a Markdown checklist.</source>
        <translation>Aufgaben als JSON, iCalendar oder Markdown-Checkliste exportieren.</translation>
    </message>
    <message>
        <source>Import a JSON or iCalendar file, merging by id.</source>
        <translation>Eine JSON- oder iCalendar-Datei importieren, zusammengeführt nach ID.</translation>
    </message>
    <message>
        <source>Usage: dayboard-cli COMMAND [options] [arguments]
Dayboard&apos;s todo lists from the command line: your own Dayboard (the running app, else its data folder) or any Dayboard server.

Commands:
</source>
        <translation>Aufruf: dayboard-cli BEFEHL [Optionen] [Argumente]
Dayboards Aufgabenlisten auf der Kommandozeile: dein eigenes Dayboard (die laufende App, sonst ihr Datenordner) oder ein beliebiger Dayboard-Server.

Befehle:
</translation>
    </message>
    <message>
        <source>dayboard-cli: unknown command &quot;%1&quot; (see --help)
</source>
        <translation>dayboard-cli: unbekannter Befehl „%1“ (siehe --help)
</translation>
    </message>
    <message>
        <source>
Options of every command:
  --json              Print machine-readable JSON instead of text.
  --server &lt;url&gt;      Use this Dayboard or HPKV server (default: $DAYBOARD_SERVER).
  --key &lt;key&gt;         Its API key (default: $DAYBOARD_API_KEY, else the app&apos;s stored key).
  --data-dir &lt;dir&gt;    The app&apos;s data folder (default: ~/.local/share/Dayboard).
  --retries &lt;n&gt;       Write attempts when the day changes under an edit (default: 20).
  --timeout &lt;ms&gt;      How long to wait for the server (default: 10000).
  -h, --help          Help; &quot;dayboard-cli COMMAND --help&quot; for a command&apos;s options.
  -v, --version       The version.

Days: today, tomorrow, yesterday, a weekday (mon, fri: the next one), +N / -N days, 24.12., or 2026-12-24.
IDs: a todo&apos;s id, the start of it (&quot;todo_&quot; may be left out) or of its last part.

Exit codes: 0 ok, 1 failed, 2 bad usage, 3 not found, 4 ambiguous id, 5 key refused, 6 unreachable, 7 data folder in use, 8 conflict retried out, 9 bad file.
</source>
        <translation>
Optionen aller Befehle:
  --json              Maschinenlesbares JSON statt Text ausgeben.
  --server &lt;url&gt;      Diesen Dayboard- oder HPKV-Server benutzen (Standard: $DAYBOARD_SERVER).
  --key &lt;key&gt;         Sein API-Schlüssel (Standard: $DAYBOARD_API_KEY, sonst der in der App gespeicherte).
  --data-dir &lt;dir&gt;    Der Datenordner der App (Standard: ~/.local/share/Dayboard).
  --retries &lt;n&gt;       Schreibversuche, wenn sich der Tag während einer Änderung ändert (Standard: 20).
  --timeout &lt;ms&gt;      Wie lange auf den Server gewartet wird (Standard: 10000).
  -h, --help          Hilfe; „dayboard-cli BEFEHL --help“ für die Optionen eines Befehls.
  -v, --version       Die Version.

Tage: today, tomorrow, yesterday, ein Wochentag (mon, fri: der nächste), +N / -N Tage, 24.12. oder 2026-12-24.
IDs: die ID einer Aufgabe, ihr Anfang („todo_“ darf fehlen) oder der Anfang ihres letzten Teils.

Exit-Codes: 0 ok, 1 fehlgeschlagen, 2 falscher Aufruf, 3 nicht gefunden, 4 mehrdeutige ID, 5 Schlüssel abgelehnt, 6 nicht erreichbar, 7 Datenordner belegt, 8 Konflikt, Versuche erschöpft, 9 fehlerhafte Datei.
</translation>
    </message>
</context>
<context>
    <name>ConnectionDescription</name>
    <message>
        <source>API key refused</source>
        <translation>API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>Not a sync server</source>
        <translation>Kein Sync-Server</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 refused the API key. Enter the right key in Settings and apply it; Dayboard does not try again until then. Your edits are kept on this computer.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt. Gib in den Einstellungen den richtigen Schlüssel ein und übernimm ihn; bis dahin versucht Dayboard es nicht erneut. Deine Änderungen bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Dayboard keeps trying, less often as time goes on; check the address and your network. Your edits are kept and sent when it is back.</source>
        <translation>%1 ist nicht erreichbar (%2). Dayboard versucht es weiter, mit der Zeit seltener; prüfe die Adresse und dein Netzwerk. Deine Änderungen bleiben erhalten und werden gesendet, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>%1 does not answer like a Dayboard or HPKV server (%2). Check the address in Settings.</source>
        <translation>%1 antwortet nicht wie ein Dayboard- oder HPKV-Server (%2). Prüfe die Adresse in den Einstellungen.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (%2). Check the address (https:// or http://) and the server&apos;s certificate.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (%2). Prüfe die Adresse (https:// oder http://) und das Zertifikat des Servers.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>Not connected to a sync server.</source>
        <translation>Nicht mit einem Sync-Server verbunden.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n edit(s) waiting</source>
        <translation>
            <numerusform>%1 · %n Änderung wartet</numerusform>
            <numerusform>%1 · %n Änderungen warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Sync status: %1</source>
        <translation>Sync-Status: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message>
        <source>Enter a server address such as https://example.com.</source>
        <translation>Gib eine Serveradresse wie https://example.com ein.</translation>
    </message>
    <message>
        <source>The API key could not be saved; it is used for this session only.</source>
        <translation>Der API-Schlüssel konnte nicht gespeichert werden; er gilt nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The built-in server could not start: %1</source>
        <translation>Der eingebaute Server konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>No API key is set for this server.</source>
        <translation>Für diesen Server ist kein API-Schlüssel eingestellt.</translation>
    </message>
    <message>
        <source>Your lists were not all copied (%1). Copied %2, %3 so far; switch back and again to finish, nothing is duplicated.</source>
        <translation>Nicht alle Listen wurden kopiert (%1). Bisher kopiert: %2, %3; wechsle zurück und noch einmal, um fertig zu werden – nichts wird doppelt angelegt.</translation>
    </message>
    <message>
        <source>Your lists were already on the new server: nothing to copy.</source>
        <translation>Deine Listen waren schon auf dem neuen Server: nichts zu kopieren.</translation>
    </message>
    <message>
        <source>Copied %1, %2 to the new server.</source>
        <translation>%1, %2 auf den neuen Server kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <source>Go to day</source>
        <translation>Gehe zu Tag</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>%1, %2 open, %3 done</source>
        <translation>%1, %2 offen, %3 erledigt</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
</context>
<context>
    <name>DayEditor</name>
    <message>
        <source>This day&apos;s stored list cannot be read, so it is left untouched.</source>
        <translation>Die gespeicherte Liste dieses Tages kann nicht gelesen werden und bleibt daher unverändert.</translation>
    </message>
    <message>
        <source>A todo needs some text; the old text was kept.</source>
        <translation>Eine Aufgabe braucht Text; der alte Text wurde behalten.</translation>
    </message>
    <message>
        <source>A reminder time is hours and minutes, like 14:30.</source>
        <translation>Eine Erinnerungszeit besteht aus Stunden und Minuten, etwa 14:30.</translation>
    </message>
    <message numerus="yes">
        <source>Carry Over %n Todo(s)</source>
        <translation>
            <numerusform>%n Aufgabe übertragen</numerusform>
            <numerusform>%n Aufgaben übertragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayFooter</name>
    <message>
        <source>%1 open · %2 done</source>
        <translation>%1 offen · %2 erledigt</translation>
    </message>
    <message>
        <source>Hide done</source>
        <translation>Erledigte ausblenden</translation>
    </message>
    <message>
        <source>Show done</source>
        <translation>Erledigte zeigen</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>DayHeader</name>
    <message>
        <source>%1, choose another day</source>
        <translation>%1, anderen Tag wählen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>DayMenuItem</name>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete Todo</source>
        <translation>Aufgabe löschen</translation>
    </message>
</context>
<context>
    <name>DayStore</name>
    <message numerus="yes">
        <source>the day kept changing, %n attempt(s)</source>
        <translation>
            <numerusform>der Tag hat sich ständig geändert, %n Versuch</numerusform>
            <numerusform>der Tag hat sich ständig geändert, %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>This day&apos;s list can&apos;t be read</source>
        <translation>Die Liste dieses Tages kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Not connected to the sync server</source>
        <translation>Nicht mit dem Sync-Server verbunden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lädt …</translation>
    </message>
    <message>
        <source>All done for this day</source>
        <translation>Alles erledigt an diesem Tag</translation>
    </message>
    <message>
        <source>Nothing planned yet</source>
        <translation>Noch nichts geplant</translation>
    </message>
    <message>
        <source>It was left untouched. %1</source>
        <translation>Sie bleibt unverändert. %1</translation>
    </message>
    <message>
        <source>Type above and press Enter to add a todo.</source>
        <translation>Oben tippen und Enter drücken, um eine Aufgabe hinzuzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>%n done todo(s) hidden. Press Ctrl+H to show them.</source>
        <translation>
            <numerusform>%n erledigte Aufgabe ausgeblendet. Strg+H zeigt sie.</numerusform>
            <numerusform>%n erledigte Aufgaben ausgeblendet. Strg+H zeigt sie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeCommands</name>
    <message>
        <source>json (default; re-importable), ics or md; by default from -o&apos;s suffix.</source>
        <translation>json (Standard; wieder importierbar), ics oder md; standardmäßig nach der Endung von -o.</translation>
    </message>
    <message>
        <source>The first day (default: every day).</source>
        <translation>Der erste Tag (Standard: alle Tage).</translation>
    </message>
    <message>
        <source>The last day (default: every day from --from on).</source>
        <translation>Der letzte Tag (Standard: alle Tage ab --from).</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (default: stdout).</source>
        <translation>In &lt;file&gt; schreiben (Standard: stdout).</translation>
    </message>
    <message>
        <source>--format: json, ics or md.</source>
        <translation>--format: json, ics oder md.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1 todos of %2 days to %3.</source>
        <translation>%1 Aufgaben von %2 Tagen nach %3 geschrieben.</translation>
    </message>
    <message>
        <source>A .json file (as export writes it) or an iCalendar .ics file.</source>
        <translation>Eine .json-Datei (wie export sie schreibt) oder eine iCalendar-Datei (.ics).</translation>
    </message>
    <message>
        <source>Where todos without a date go (default: today).</source>
        <translation>Wohin Aufgaben ohne Datum kommen (Standard: heute).</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>die zu importierende Datei</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2 (nothing was imported)</source>
        <translation>%1: %2 (nichts wurde importiert)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 skipped.</source>
        <translation>%1 hinzugefügt, %2 aktualisiert, %3 übersprungen.</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wähle eine Datei für den Export.</translation>
    </message>
    <message>
        <source>Enter the first and the last day as YYYY-MM-DD.</source>
        <translation>Gib den ersten und den letzten Tag als JJJJ-MM-TT ein.</translation>
    </message>
    <message>
        <source>Unknown format “%1”.</source>
        <translation>Unbekanntes Format „%1“.</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Nicht mit einem Server verbunden</translation>
    </message>
    <message>
        <source>Nothing was exported: %1.</source>
        <translation>Nichts wurde exportiert: %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1 todos of %2 days to %3.</source>
        <translation>%1 Aufgaben von %2 Tagen nach %3 exportiert.</translation>
    </message>
    <message>
        <source>%1 days could not be read and were left out.</source>
        <translation>%1 Tage konnten nicht gelesen werden und wurden ausgelassen.</translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>Wähle eine Datei zum Importieren.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MB; nothing was imported.</source>
        <translation>%1 ist größer als 16 MB; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 Nothing was imported.</source>
        <translation>%1 kann nicht importiert werden: %2 Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation>Nichts wurde importiert: %1.</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 updated, %4 skipped.</source>
        <translation>%1 importiert: %2 hinzugefügt, %3 aktualisiert, %4 übersprungen.</translation>
    </message>
</context>
<context>
    <name>ExchangeDays</name>
    <message>
        <source>Not connected to a server</source>
        <translation>Nicht mit einem Server verbunden</translation>
    </message>
    <message>
        <source>The server could not be reached (%1)</source>
        <translation>Der Server war nicht erreichbar (%1)</translation>
    </message>
    <message>
        <source>The server refused to list the days (%1)</source>
        <translation>Der Server hat das Auflisten der Tage abgelehnt (%1)</translation>
    </message>
</context>
<context>
    <name>ExportFileRow</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Where to save the file</source>
        <translation>Wo die Datei gespeichert wird</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>Die zu importierende Datei</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Exportdatei</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Importdatei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importieren aus</translation>
    </message>
</context>
<context>
    <name>ExportSheet</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>JSON — Dayboard&apos;s own, can be imported again</source>
        <translation>JSON – Dayboards eigenes, lässt sich wieder importieren</translation>
    </message>
    <message>
        <source>iCalendar (.ics) — for calendar and todo apps</source>
        <translation>iCalendar (.ics) – für Kalender- und Aufgaben-Apps</translation>
    </message>
    <message>
        <source>Markdown checklist — for pasting elsewhere</source>
        <translation>Markdown-Checkliste – zum Einfügen anderswo</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
</context>
<context>
    <name>HelpSheet</name>
    <message>
        <source>New todo</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Edit the selected todo</source>
        <translation>Gewählte Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>Toggle done</source>
        <translation>Erledigt umschalten</translation>
    </message>
    <message>
        <source>Delete the selected todo</source>
        <translation>Gewählte Aufgabe löschen</translation>
    </message>
    <message>
        <source>Move the selected todo up / down</source>
        <translation>Gewählte Aufgabe nach oben / unten</translation>
    </message>
    <message>
        <source>Move to another day</source>
        <translation>Auf einen anderen Tag verschieben</translation>
    </message>
    <message>
        <source>Previous / next day</source>
        <translation>Vorheriger / nächster Tag</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to a day</source>
        <translation>Zu einem Tag gehen</translation>
    </message>
    <message>
        <source>Show / hide done todos</source>
        <translation>Erledigte Aufgaben zeigen / ausblenden</translation>
    </message>
    <message>
        <source>New window</source>
        <translation>Neues Fenster</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
    <message>
        <source>Quit Dayboard</source>
        <translation>Dayboard beenden</translation>
    </message>
    <message>
        <source>Export days to a file</source>
        <translation>Tage in eine Datei exportieren</translation>
    </message>
    <message>
        <source>Import a file (JSON, iCalendar)</source>
        <translation>Eine Datei importieren (JSON, iCalendar)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Diese Hilfe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Undo the last edit (any day, this window)</source>
        <translation>Letzte Änderung rückgängig machen (jeder Tag, dieses Fenster)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Move to a day of the week strip</source>
        <translation>Auf einen Tag der Wochenleiste verschieben</translation>
    </message>
    <message>
        <source>drag ⠿ onto the day</source>
        <translation>⠿ auf den Tag ziehen</translation>
    </message>
    <message>
        <source>Cancel a drag</source>
        <translation>Ziehen abbrechen</translation>
    </message>
    <message>
        <source>Search every day&apos;s todos and notes</source>
        <translation>Aufgaben und Notizen aller Tage durchsuchen</translation>
    </message>
    <message>
        <source>In search: pick / open / close</source>
        <translation>In der Suche: auswählen / öffnen / schließen</translation>
    </message>
    <message>
        <source>Quick add: a day, a reminder, a priority</source>
        <translation>Schnell hinzufügen: Tag, Erinnerung, Priorität</translation>
    </message>
    <message>
        <source>Quick add: keep a word as text</source>
        <translation>Schnell hinzufügen: ein Wort als Text behalten</translation>
    </message>
    <message>
        <source>Set or remove the todo&apos;s reminder</source>
        <translation>Erinnerung der Aufgabe setzen oder entfernen</translation>
    </message>
    <message>
        <source>Notes of the selected todo (Esc: done, Esc again: close)</source>
        <translation>Notizen der gewählten Aufgabe (Esc: fertig, nochmals Esc: schließen)</translation>
    </message>
    <message>
        <source>Sort: your order / by priority / by status</source>
        <translation>Sortieren: eigene Reihenfolge / nach Priorität / nach Status</translation>
    </message>
    <message>
        <source>Make the todo repeat, change or stop it</source>
        <translation>Aufgabe wiederholen, Wiederholung ändern oder beenden</translation>
    </message>
    <message>
        <source>%1 or click its chip</source>
        <translation>%1 oder seinen Chip anklicken</translation>
    </message>
</context>
<context>
    <name>HpkvClient</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Cannot reach the sync server %1: %2.</source>
        <translation>Der Sync-Server %1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>The connection to the sync server was lost.</source>
        <translation>Die Verbindung zum Sync-Server ist abgebrochen.</translation>
    </message>
    <message>
        <source>Not connected to the sync server.</source>
        <translation>Nicht mit dem Sync-Server verbunden.</translation>
    </message>
    <message>
        <source>The sync server did not answer in time.</source>
        <translation>Der Sync-Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>ICalendarReader</name>
    <message>
        <source>Line %1: %2 without a component name.</source>
        <translation>Zeile %1: %2 ohne Komponentennamen.</translation>
    </message>
    <message>
        <source>Line %1: END:%2 without a BEGIN:%2.</source>
        <translation>Zeile %1: END:%2 ohne BEGIN:%2.</translation>
    </message>
    <message>
        <source>Line %1: END:%2 where BEGIN:%3 from line %4 is still open.</source>
        <translation>Zeile %1: END:%2, während BEGIN:%3 aus Zeile %4 noch offen ist.</translation>
    </message>
    <message>
        <source>Line %1 is not valid iCalendar: “%2”.</source>
        <translation>Zeile %1 ist kein gültiges iCalendar: „%2“.</translation>
    </message>
    <message>
        <source>Line %1: BEGIN:%2 is never closed (no END:%2).</source>
        <translation>Zeile %1: BEGIN:%2 wird nie geschlossen (kein END:%2).</translation>
    </message>
    <message>
        <source>Line 1: this is not an iCalendar file (no BEGIN:VCALENDAR).</source>
        <translation>Zeile 1: Das ist keine iCalendar-Datei (kein BEGIN:VCALENDAR).</translation>
    </message>
    <message>
        <source>it is not inside a VCALENDAR</source>
        <translation>sie steht nicht in einem VCALENDAR</translation>
    </message>
    <message>
        <source>it is a %1, not a todo</source>
        <translation>sie ist ein %1, keine Aufgabe</translation>
    </message>
</context>
<context>
    <name>ICalendarTodo</name>
    <message>
        <source>it is cancelled</source>
        <translation>sie ist abgesagt</translation>
    </message>
    <message>
        <source>it has no summary</source>
        <translation>sie hat keinen Titel</translation>
    </message>
    <message>
        <source>its repeat rule (only this occurrence)</source>
        <translation>ihre Wiederholungsregel (nur dieses Vorkommen)</translation>
    </message>
    <message>
        <source>its alarm</source>
        <translation>ihre Erinnerung</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>another todo earlier in the file has the same id</source>
        <translation>eine Aufgabe weiter oben in der Datei hat dieselbe ID</translation>
    </message>
    <message>
        <source>not imported: %1</source>
        <translation>nicht importiert: %1</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>due time</source>
        <translation>Fälligkeitszeit</translation>
    </message>
    <message>
        <source>already up to date</source>
        <translation>schon aktuell</translation>
    </message>
    <message>
        <source>Dayboard&apos;s copy was changed later than the file&apos;s</source>
        <translation>Dayboards Fassung wurde später geändert als die der Datei</translation>
    </message>
    <message>
        <source>the file does not say when it was changed; Dayboard&apos;s copy is kept</source>
        <translation>die Datei sagt nicht, wann sie geändert wurde; Dayboards Fassung bleibt</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>geändert: %1</translation>
    </message>
</context>
<context>
    <name>ImportSheet</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>A JSON file exported from Dayboard, or an iCalendar (.ics) file from another app. Todos are matched by their id, so importing a file again adds nothing twice.</source>
        <translation>Eine aus Dayboard exportierte JSON-Datei oder eine iCalendar-Datei (.ics) aus einer anderen App. Aufgaben werden an ihrer ID erkannt, ein erneuter Import legt also nichts doppelt an.</translation>
    </message>
    <message>
        <source>Calendars and Dayboard files (*.ics *.json)</source>
        <translation>Kalender und Dayboard-Dateien (*.ics *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>1 todo in this file.</source>
        <translation>1 Aufgabe in dieser Datei.</translation>
    </message>
    <message>
        <source>%1 todos in this file.</source>
        <translation>%1 Aufgaben in dieser Datei.</translation>
    </message>
    <message>
        <source>Undated go to</source>
        <translation>Ohne Datum nach</translation>
    </message>
    <message>
        <source>Day for todos without a date</source>
        <translation>Tag für Aufgaben ohne Datum</translation>
    </message>
    <message>
        <source>(1 todo has no date)</source>
        <translation>(1 Aufgabe hat kein Datum)</translation>
    </message>
    <message>
        <source>(%1 todos have no date)</source>
        <translation>(%1 Aufgaben haben kein Datum)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere …</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Read file</source>
        <translation>Datei lesen</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
</context>
<context>
    <name>JsonExchange</name>
    <message>
        <source>Line %1: this is not valid JSON (%2).</source>
        <translation>Zeile %1: Das ist kein gültiges JSON (%2).</translation>
    </message>
    <message>
        <source>Line 1: this is not a Dayboard export (expected an object with todos-YYYYMMDD members).</source>
        <translation>Zeile 1: Das ist kein Dayboard-Export (erwartet wird ein Objekt mit todos-YYYYMMDD-Einträgen).</translation>
    </message>
    <message>
        <source>not a day (expected todos-YYYYMMDD)</source>
        <translation>kein Tag (erwartet: todos-YYYYMMDD)</translation>
    </message>
    <message>
        <source>Line %1: %2 is not a list of todos.</source>
        <translation>Zeile %1: %2 ist keine Aufgabenliste.</translation>
    </message>
    <message>
        <source>it has no id</source>
        <translation>sie hat keine ID</translation>
    </message>
    <message>
        <source>it has no text</source>
        <translation>sie hat keinen Text</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>The API key is kept in the system keyring.</source>
        <translation>Der API-Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No system keyring is available: the API key is kept in %1, readable only by you.</source>
        <translation>Kein Schlüsselbund verfügbar: Der API-Schlüssel liegt in %1, nur für dich lesbar.</translation>
    </message>
    <message>
        <source>The API key is kept in the system keyring when one is available.</source>
        <translation>Der API-Schlüssel liegt im Schlüsselbund des Systems, wenn einer verfügbar ist.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Dayboard</source>
        <translation>%1 – Dayboard</translation>
    </message>
    <message>
        <source>Dayboard %1 — calm per-day todo lists</source>
        <translation>Dayboard %1 – ruhige Aufgabenlisten für jeden Tag</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
</context>
<context>
    <name>MonitorClient</name>
    <message>
        <source>the server cannot be reached</source>
        <translation>der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Live updates are paused: %1.</source>
        <translation>Live-Aktualisierungen pausieren: %1.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine rechtzeitige Antwort</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes of “%1”</source>
        <translation>Notizen zu „%1“</translation>
    </message>
    <message>
        <source>Notes · %1</source>
        <translation>Notizen · %1</translation>
    </message>
    <message>
        <source>Close notes</source>
        <translation>Notizen schließen</translation>
    </message>
    <message>
        <source>Add notes… (links like https://… become clickable)</source>
        <translation>Notizen hinzufügen … (Links wie https://… werden anklickbar)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Saved as you type · Esc: done</source>
        <translation>Wird beim Tippen gespeichert · Esc: fertig</translation>
    </message>
    <message>
        <source>Click the notes or press Enter to edit</source>
        <translation>Zum Bearbeiten auf die Notizen klicken oder Enter drücken</translation>
    </message>
</context>
<context>
    <name>PendingQueue</name>
    <message>
        <source>The queue of unsent changes cannot be read: %1</source>
        <translation>Die Warteschlange nicht gesendeter Änderungen kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The queue of unsent changes was damaged; it was kept as %1.</source>
        <translation>Die Warteschlange nicht gesendeter Änderungen war beschädigt; sie wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Unsent changes cannot be saved to disk (%1); they are kept in memory and still sent.</source>
        <translation>Nicht gesendete Änderungen können nicht gespeichert werden (%1); sie bleiben im Speicher und werden trotzdem gesendet.</translation>
    </message>
</context>
<context>
    <name>PlannerActions</name>
    <message>
        <source>Sorted by %1: choose View → Sort → Your Order to reorder</source>
        <translation>Sortiert nach %1: Zum Umordnen Ansicht → Sortieren → Eigene Reihenfolge wählen</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>Notizen …</translation>
    </message>
    <message>
        <source>Your Order</source>
        <translation>Eigene Reihenfolge</translation>
    </message>
    <message>
        <source>By Priority</source>
        <translation>Nach Priorität</translation>
    </message>
    <message>
        <source>By Status</source>
        <translation>Nach Status</translation>
    </message>
</context>
<context>
    <name>PresenceModel</name>
    <message>
        <source>another window</source>
        <translation>ein anderes Fenster</translation>
    </message>
    <message>
        <source>Also here: %1</source>
        <translation>Auch hier: %1</translation>
    </message>
</context>
<context>
    <name>PriorityChip</name>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
</context>
<context>
    <name>QuickAddChips</name>
    <message>
        <source>Understood: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message>
        <source>%1 (from “%2”); press to keep “%2” as text</source>
        <translation>%1 (aus „%2“); drücken, um „%2“ als Text zu behalten</translation>
    </message>
    <message>
        <source>Read from “%1”. Click to keep it as text.</source>
        <translation>Aus „%1“ gelesen. Klicken, um es als Text zu behalten.</translation>
    </message>
</context>
<context>
    <name>RemindDialog</name>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>14:30</source>
        <translation>14:30</translation>
    </message>
    <message>
        <source>Reminder time, hours and minutes</source>
        <translation>Erinnerungszeit, Stunden und Minuten</translation>
    </message>
    <message>
        <source>on this todo&apos;s day</source>
        <translation>am Tag dieser Aufgabe</translation>
    </message>
    <message>
        <source>Use hours:minutes, e.g. 09:15</source>
        <translation>Als Stunden:Minuten angeben, z. B. 09:15</translation>
    </message>
    <message>
        <source>Remove reminder</source>
        <translation>Erinnerung entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Set reminder</source>
        <translation>Erinnerung setzen</translation>
    </message>
</context>
<context>
    <name>ReminderScheduler</name>
    <message>
        <source>Today at %1</source>
        <translation>Heute um %1</translation>
    </message>
    <message>
        <source>(was due %1)</source>
        <translation>(war fällig %1)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>In 10 Min. erinnern</translation>
    </message>
</context>
<context>
    <name>RepeatDialog</name>
    <message>
        <source>This todo cannot be changed now.</source>
        <translation>Diese Aufgabe kann gerade nicht geändert werden.</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>Jeden Werktag (Montag bis Freitag)</translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation>Jede Woche am</translation>
    </message>
    <message>
        <source>Every month on day</source>
        <translation>Jeden Monat am Tag</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Text of this and all later occurrences</source>
        <translation>Text dieser und aller späteren Wiederholungen</translation>
    </message>
    <message>
        <source>Changes apply to this day and every later one; earlier days keep theirs. Editing the todo in the list changes only that day.</source>
        <translation>Änderungen gelten für diesen und jeden späteren Tag; frühere Tage behalten ihre. Eine Änderung der Aufgabe in der Liste gilt nur für diesen einen Tag.</translation>
    </message>
    <message>
        <source>It repeats from this day on. Later occurrences are created two weeks ahead.</source>
        <translation>Sie wiederholt sich ab diesem Tag. Spätere Wiederholungen werden zwei Wochen im Voraus angelegt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <source>Repeats (its rule is being read from the server)</source>
        <translation>Wiederholt sich (die Regel wird vom Server gelesen)</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Repeats every day</source>
        <translation>Wiederholt sich jeden Tag</translation>
    </message>
    <message>
        <source>Repeats every weekday (Monday to Friday)</source>
        <translation>Wiederholt sich jeden Werktag (Montag bis Freitag)</translation>
    </message>
    <message>
        <source>Repeats every week on %1</source>
        <translation>Wiederholt sich jede Woche am %1</translation>
    </message>
    <message>
        <source>Repeats every month on day %1</source>
        <translation>Wiederholt sich jeden Monat am %1.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search every day&apos;s todos and notes…</source>
        <translation>Aufgaben und Notizen aller Tage durchsuchen …</translation>
    </message>
    <message>
        <source>Search todos</source>
        <translation>Aufgaben durchsuchen</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading every day from the server…</source>
        <translation>Lese alle Tage vom Server …</translation>
    </message>
    <message numerus="yes">
        <source>%n todo(s) on every day</source>
        <translation>
            <numerusform>%n Aufgabe an allen Tagen</numerusform>
            <numerusform>%n Aufgaben an allen Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 matches shown</source>
        <translation>%1 von %2 Treffern angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>SearchResultRow</name>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Offen: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>SeriesStore</name>
    <message>
        <source>This repeating todo is not on the server any more.</source>
        <translation>Diese wiederkehrende Aufgabe ist nicht mehr auf dem Server.</translation>
    </message>
    <message>
        <source>The server did not take the change: %1</source>
        <translation>Der Server hat die Änderung nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Repeating todos can be changed only while connected to the server.</source>
        <translation>Wiederkehrende Aufgaben lassen sich nur mit Verbindung zum Server ändern.</translation>
    </message>
    <message>
        <source>The todo stopped repeating, but its new rule was not saved: %1</source>
        <translation>Die Aufgabe wiederholt sich nicht mehr, aber ihre neue Regel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>SettingsSheet</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Built-in server on this computer</source>
        <translation>Eingebauter Server auf diesem Computer</translation>
    </message>
    <message>
        <source>A Dayboard or HPKV server</source>
        <translation>Ein Dayboard- oder HPKV-Server</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Saved (leave empty to keep)</source>
        <translation>Gespeichert (leer lassen, um ihn zu behalten)</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Bring my lists along (copies every day&apos;s todos to the new server; nothing is duplicated)</source>
        <translation>Meine Listen mitnehmen (kopiert die Aufgaben aller Tage auf den neuen Server; nichts wird doppelt angelegt)</translation>
    </message>
    <message>
        <source>Apply server</source>
        <translation>Server übernehmen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Show done todos</source>
        <translation>Erledigte Aufgaben zeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Keep running in the background (tray icon; reminders fire with no window open)</source>
        <translation>Im Hintergrund weiterlaufen (Symbol im Systembereich; Erinnerungen auch ohne offenes Fenster)</translation>
    </message>
    <message>
        <source>Device name (others see it)</source>
        <translation>Gerätename (für andere sichtbar)</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Gerätename</translation>
    </message>
</context>
<context>
    <name>StatusButton</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
</context>
<context>
    <name>SyncNotices</name>
    <message>
        <source>The connection to the sync server was lost; reconnecting. Changes are kept and sent when it is back.</source>
        <translation>Die Verbindung zum Sync-Server ist abgebrochen; verbinde erneut. Änderungen bleiben erhalten und werden gesendet, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Connected to the sync server again.</source>
        <translation>Wieder mit dem Sync-Server verbunden.</translation>
    </message>
    <message>
        <source>The list of %1 on the server cannot be read (%2). It is left as it is; your changes to it are kept and not sent.</source>
        <translation>Die Liste vom %1 auf dem Server kann nicht gelesen werden (%2). Sie bleibt, wie sie ist; deine Änderungen daran bleiben erhalten und werden nicht gesendet.</translation>
    </message>
    <message>
        <source>The server refused a change to %1 (%2); it was undone.</source>
        <translation>Der Server hat eine Änderung am %1 abgelehnt (%2); sie wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The server refused to read %1 (%2).</source>
        <translation>Der Server hat das Lesen vom %1 abgelehnt (%2).</translation>
    </message>
    <message>
        <source>%1 could not be loaded (%2).</source>
        <translation>%1 konnte nicht geladen werden (%2).</translation>
    </message>
    <message>
        <source>The sync server refused access (%1). Check the API key; changes stay queued.</source>
        <translation>Der Sync-Server hat den Zugriff verweigert (%1). Prüfe den API-Schlüssel; Änderungen bleiben in der Warteschlange.</translation>
    </message>
</context>
<context>
    <name>ToastArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>TodoCodec</name>
    <message>
        <source>The stored list is not valid JSON (%1 at offset %2).</source>
        <translation>Die gespeicherte Liste ist kein gültiges JSON (%1 bei Position %2).</translation>
    </message>
    <message>
        <source>The stored list is not a JSON array.</source>
        <translation>Die gespeicherte Liste ist kein JSON-Array.</translation>
    </message>
    <message>
        <source>Entry %1 of the stored list is not a JSON object.</source>
        <translation>Eintrag %1 der gespeicherten Liste ist kein JSON-Objekt.</translation>
    </message>
</context>
<context>
    <name>TodoCommands</name>
    <message>
        <source>What to do.</source>
        <translation>Was zu tun ist.</translation>
    </message>
    <message>
        <source>low (default), medium or high.</source>
        <translation>low (Standard), medium oder high.</translation>
    </message>
    <message>
        <source>A reminder at this time of the day (14:30).</source>
        <translation>Eine Erinnerung zu dieser Uhrzeit (14:30).</translation>
    </message>
    <message>
        <source>the todo&apos;s text</source>
        <translation>der Text der Aufgabe</translation>
    </message>
    <message>
        <source>--priority: low, medium or high.</source>
        <translation>--priority: low, medium oder high.</translation>
    </message>
    <message>
        <source>--at: a time of day like 14:30.</source>
        <translation>--at: eine Uhrzeit wie 14:30.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>The first day of a range.</source>
        <translation>Der erste Tag eines Zeitraums.</translation>
    </message>
    <message>
        <source>The last day of a range (default: the first).</source>
        <translation>Der letzte Tag eines Zeitraums (Standard: der erste).</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to liegt vor --from.</translation>
    </message>
    <message>
        <source>Look for the todo on this day only.</source>
        <translation>Die Aufgabe nur an diesem Tag suchen.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>The new text.</source>
        <translation>Der neue Text.</translation>
    </message>
    <message>
        <source>the new text</source>
        <translation>der neue Text</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>The day to move it to (required).</source>
        <translation>Der Tag, auf den sie verschoben wird (erforderlich).</translation>
    </message>
    <message>
        <source>move needs --day.</source>
        <translation>move braucht --day.</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>The todo&apos;s id, the start of it (&quot;todo_&quot; may be left out) or of its last part.</source>
        <translation>Die ID der Aufgabe, ihr Anfang („todo_“ darf fehlen) oder der Anfang ihres letzten Teils.</translation>
    </message>
    <message>
        <source>The day: today (default), tomorrow, fri, +3, 2026-12-24.</source>
        <translation>Der Tag: today (Standard), tomorrow, fri, +3, 2026-12-24.</translation>
    </message>
    <message>
        <source>The todo %1 is no longer on %2.</source>
        <translation>Die Aufgabe %1 ist nicht mehr am %2.</translation>
    </message>
    <message>
        <source>the todo&apos;s id</source>
        <translation>die ID der Aufgabe</translation>
    </message>
</context>
<context>
    <name>TodoDelegate</name>
    <message>
        <source>%1, %2, priority %3</source>
        <translation>%1, %2, Priorität %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message>
        <source>Edit todo text</source>
        <translation>Text der Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger zeigen</translation>
    </message>
    <message>
        <source>Show all of this todo</source>
        <translation>Die ganze Aufgabe zeigen</translation>
    </message>
    <message>
        <source>More actions for “%1”</source>
        <translation>Weitere Aktionen für „%1“</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <source>Mark as not done</source>
        <translation>Als nicht erledigt markieren</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Clear “in progress”</source>
        <translation>„In Arbeit“ aufheben</translation>
    </message>
    <message>
        <source>Mark as in progress</source>
        <translation>Als in Arbeit markieren</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>↑ High</source>
        <translation>↑ Hoch</translation>
    </message>
    <message>
        <source>– Medium</source>
        <translation>– Mittel</translation>
    </message>
    <message>
        <source>↓ Low</source>
        <translation>↓ Niedrig</translation>
    </message>
    <message>
        <source>Move to tomorrow</source>
        <translation>Auf morgen verschieben</translation>
    </message>
    <message>
        <source>Move to another day…</source>
        <translation>Auf anderen Tag verschieben …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>Notizen …</translation>
    </message>
    <message>
        <source>Reminder…</source>
        <translation>Erinnerung …</translation>
    </message>
    <message>
        <source>Repeat…</source>
        <translation>Wiederholung …</translation>
    </message>
</context>
<context>
    <name>TodoIndicators</name>
    <message>
        <source>Has notes</source>
        <translation>Hat Notizen</translation>
    </message>
    <message>
        <source>Reminder at %1</source>
        <translation>Erinnerung um %1</translation>
    </message>
</context>
<context>
    <name>TodoListPane</name>
    <message>
        <source>Todos for %1</source>
        <translation>Aufgaben für %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished todo(s) from earlier days</source>
        <translation>
            <numerusform>%n unerledigte Aufgabe von früheren Tagen</numerusform>
            <numerusform>%n unerledigte Aufgaben von früheren Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Added “%1” to %2</source>
        <translation>„%1“ zu %2 hinzugefügt</translation>
    </message>
</context>
<context>
    <name>TodoText</name>
    <message>
        <source>%1… (expand the row to read all %2 characters)</source>
        <translation>%1 … (Zeile aufklappen, um alle %2 Zeichen zu lesen)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Dayboard (reminders on)</source>
        <translation>Dayboard (Erinnerungen an)</translation>
    </message>
    <message>
        <source>Open Dayboard</source>
        <translation>Dayboard öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>UndoEdit</name>
    <message>
        <source>Add “%1”</source>
        <translation>„%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>„%1“ auf %2 verschieben</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Change Priority of “%1”</source>
        <translation>Priorität von „%1“ ändern</translation>
    </message>
    <message>
        <source>Mark “%1” Done</source>
        <translation>„%1“ als erledigt markieren</translation>
    </message>
    <message>
        <source>Change Status of “%1”</source>
        <translation>Status von „%1“ ändern</translation>
    </message>
    <message>
        <source>Edit Notes of “%1”</source>
        <translation>Notizen von „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Set Reminder of “%1”</source>
        <translation>Erinnerung für „%1“ setzen</translation>
    </message>
    <message>
        <source>Change “%1”</source>
        <translation>„%1“ ändern</translation>
    </message>
</context>
<context>
    <name>UndoStack</name>
    <message>
        <source>Not undone: %1 — the todo was deleted or moved meanwhile.</source>
        <translation>Nicht rückgängig gemacht: %1 – die Aufgabe wurde inzwischen gelöscht oder verschoben.</translation>
    </message>
    <message>
        <source>Not redone: %1 — the todo was deleted or moved meanwhile.</source>
        <translation>Nicht wiederhergestellt: %1 – die Aufgabe wurde inzwischen gelöscht oder verschoben.</translation>
    </message>
</context>
<context>
    <name>WatchCommand</name>
    <message>
        <source>The day to watch (default: today).</source>
        <translation>Der zu beobachtende Tag (Standard: heute).</translation>
    </message>
    <message>
        <source>The first day of a range to watch.</source>
        <translation>Der erste Tag eines zu beobachtenden Zeitraums.</translation>
    </message>
    <message>
        <source>The last day of a range to watch.</source>
        <translation>Der letzte Tag eines zu beobachtenden Zeitraums.</translation>
    </message>
    <message>
        <source>Watch one day up to a year: --from, then a --to after it.</source>
        <translation>Einen Tag bis zu einem Jahr beobachten: --from, dann ein späteres --to.</translation>
    </message>
    <message>
        <source>dayboard-cli: watch: %1</source>
        <translation>dayboard-cli: watch: %1</translation>
    </message>
    <message>
        <source>Watching %1 on %2 (Ctrl+C to stop).</source>
        <translation>Beobachte %1 auf %2 (Strg+C zum Beenden).</translation>
    </message>
</context>
<context>
    <name>WeekStrip</name>
    <message>
        <source>%1, %2 open, %3 done</source>
        <translation>%1, %2 offen, %3 erledigt</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>%1 open · %2 ✓</source>
        <translation>%1 offen · %2 ✓</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Moved “%1” to %2</source>
        <translation>„%1“ auf %2 verschoben</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Move to day</source>
        <translation>Auf Tag verschieben</translation>
    </message>
    <message>
        <source>New Todo</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>New Window</source>
        <translation>Neues Fenster</translation>
    </message>
    <message>
        <source>Close Window</source>
        <translation>Fenster schließen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Edit Todo</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <source>Toggle Done</source>
        <translation>Erledigt umschalten</translation>
    </message>
    <message>
        <source>Delete Todo</source>
        <translation>Aufgabe löschen</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move to Another Day…</source>
        <translation>Auf anderen Tag verschieben …</translation>
    </message>
    <message>
        <source>Carry Unfinished Over to Today</source>
        <translation>Unerledigte auf heute übertragen</translation>
    </message>
    <message>
        <source>Previous Day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <source>Next Day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to Day…</source>
        <translation>Gehe zu Tag …</translation>
    </message>
    <message>
        <source>Go to day</source>
        <translation>Gehe zu Tag</translation>
    </message>
    <message>
        <source>Show Done Todos</source>
        <translation>Erledigte Aufgaben zeigen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message numerus="yes">
        <source>Carried %n todo(s) over to today</source>
        <translation>
            <numerusform>%n Aufgabe auf heute übertragen</numerusform>
            <numerusform>%n Aufgaben auf heute übertragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Reminder…</source>
        <translation>Erinnerung …</translation>
    </message>
    <message>
        <source>Carry Over Earlier Todos</source>
        <translation>Frühere Aufgaben übertragen</translation>
    </message>
    <message>
        <source>Repeat…</source>
        <translation>Wiederholung …</translation>
    </message>
</context>
</TS>
