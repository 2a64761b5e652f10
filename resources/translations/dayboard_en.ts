<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CarryBanner</name>
    <message numerus="yes">
        <source>%n unfinished todo(s) left on this day.</source>
        <translation>
            <numerusform>%n unfinished todo left on this day.</numerusform>
            <numerusform>%n unfinished todos left on this day.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionDescription</name>
    <message numerus="yes">
        <source>%1 · %n edit(s) waiting</source>
        <translation>
            <numerusform>%1 · %n edit waiting</numerusform>
            <numerusform>%1 · %n edits waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionManager</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n todo(s)</source>
        <translation>
            <numerusform>%n todo</numerusform>
            <numerusform>%n todos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayEditor</name>
    <message numerus="yes">
        <source>Carry Over %n Todo(s)</source>
        <translation>
            <numerusform>Carry Over %n Todo</numerusform>
            <numerusform>Carry Over %n Todos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayStore</name>
    <message numerus="yes">
        <source>the day kept changing, %n attempt(s)</source>
        <translation>
            <numerusform>the day kept changing, %n attempt</numerusform>
            <numerusform>the day kept changing, %n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message numerus="yes">
        <source>%n done todo(s) hidden. Press Ctrl+H to show them.</source>
        <translation>
            <numerusform>%n done todo is hidden. Press Ctrl+H to show it.</numerusform>
            <numerusform>%n done todos are hidden. Press Ctrl+H to show them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n todo(s) on every day</source>
        <translation>
            <numerusform>%n todo on every day</numerusform>
            <numerusform>%n todos on every day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodoListPane</name>
    <message numerus="yes">
        <source>%n unfinished todo(s) from earlier days</source>
        <translation>
            <numerusform>%n unfinished todo from earlier days</numerusform>
            <numerusform>%n unfinished todos from earlier days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message numerus="yes">
        <source>Carried %n todo(s) over to today</source>
        <translation>
            <numerusform>Carried %n todo over to today</numerusform>
            <numerusform>Carried %n todos over to today</numerusform>
        </translation>
    </message>
</context>
</TS>
