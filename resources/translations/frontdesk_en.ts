<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/backups.py" line="219"/>
        <source>%n backup(s), %1 in all.</source>
        <translation>
            <numerusform>%n backup, %1 in all.</numerusform>
            <numerusform>%n backups, %1 in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message numerus="yes">
        <location filename="../../ui/pages/cases_tab.py" line="63"/>
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/changes.py" line="272"/>
        <source>%Ln change(s), newest first.</source>
        <translation>
            <numerusform>%Ln change, newest first.</numerusform>
            <numerusform>%Ln changes, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/changes.py" line="322"/>
        <source>Wrote %Ln change(s) to %1.</source>
        <translation>
            <numerusform>Wrote %Ln change to %1.</numerusform>
            <numerusform>Wrote %Ln changes to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/task_status.py" line="40"/>
        <source>%Ln task(s) will be marked done.</source>
        <translation>
            <numerusform>%Ln task will be marked done.</numerusform>
            <numerusform>%Ln tasks will be marked done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsolidateDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="216"/>
        <source>%Ln report(s)</source>
        <translation>
            <numerusform>%Ln report</numerusform>
            <numerusform>%Ln reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="217"/>
        <source>%Ln commune(s)</source>
        <translation>
            <numerusform>%Ln commune</numerusform>
            <numerusform>%Ln communes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="218"/>
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DutiesPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/duties.py" line="123"/>
        <source>%Ln duties</source>
        <translation>
            <numerusform>%Ln duty</numerusform>
            <numerusform>%Ln duties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/duties.py" line="222"/>
        <source>Created %Ln new task(s).</source>
        <translation>
            <numerusform>Created %Ln new task.</numerusform>
            <numerusform>Created %Ln new tasks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundTab</name>
    <message numerus="yes">
        <location filename="../../ui/pages/fund_tab.py" line="86"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersExportBox</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/members_export.py" line="175"/>
        <source>Saved a list of %Ln people.</source>
        <translation>
            <numerusform>Saved a list of %Ln person.</numerusform>
            <numerusform>Saved a list of %Ln people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/members_export.py" line="177"/>
        <source>The list of %1 is saved: %Ln people.</source>
        <translation>
            <numerusform>The list of %1 is saved: %Ln person.</numerusform>
            <numerusform>The list of %1 is saved: %Ln people.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/organizations.py" line="372"/>
        <source>%Ln seat(s) vacant — double-click to appoint</source>
        <translation>
            <numerusform>%Ln seat vacant — double-click to appoint</numerusform>
            <numerusform>%Ln seats vacant — double-click to appoint</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/organizations.py" line="464"/>
        <source>%Ln posts</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/organizations.py" line="471"/>
        <source>%Ln people hold more than one position.</source>
        <translation>
            <numerusform>%Ln person holds more than one position.</numerusform>
            <numerusform>%Ln people hold more than one position.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/outbox.py" line="233"/>
        <source>%n report(s) set aside: select one to see why.</source>
        <translation>
            <numerusform>%n report set aside: select it to see why.</numerusform>
            <numerusform>%n reports set aside: select one to see why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/outbox.py" line="263"/>
        <source>Sent %n report(s).</source>
        <translation>
            <numerusform>Sent %n report.</numerusform>
            <numerusform>Sent %n reports.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/outbox.py" line="265"/>
        <source>%n set aside: see the reason in the list.</source>
        <translation>
            <numerusform>%n set aside: see the reason in the list.</numerusform>
            <numerusform>%n set aside: see the reasons in the list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/people.py" line="159"/>
        <location filename="../../ui/pages/people.py" line="171"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PetitionsModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/register_models.py" line="132"/>
        <source>Overdue by %Ln day(s)</source>
        <translation>
            <numerusform>Overdue by %Ln day</numerusform>
            <numerusform>Overdue by %Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PetitionsTab</name>
    <message numerus="yes">
        <location filename="../../ui/pages/petitions_tab.py" line="72"/>
        <source>%Ln petition(s)</source>
        <translation>
            <numerusform>%Ln petition</numerusform>
            <numerusform>%Ln petitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_wizard.py" line="221"/>
        <source>Add the %n residential area(s) the file names and this commune does not have yet (each with its Front work committee and branches):</source>
        <translation>
            <numerusform>Add the %n residential area the file names and this commune does not have yet (with its Front work committee and branches):</numerusform>
            <numerusform>Add the %n residential areas the file names and this commune does not have yet (each with its Front work committee and branches):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_wizard.py" line="225"/>
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/tasks_model.py" line="66"/>
        <source>Overdue by %Ln day(s)</source>
        <translation>
            <numerusform>Overdue by %Ln day</numerusform>
            <numerusform>Overdue by %Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/tasks.py" line="186"/>
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln task</numerusform>
            <numerusform>%Ln tasks</numerusform>
        </translation>
    </message>
</context>
</TS>
