// SPDX-License-Identifier: MIT
// NoteText: a todo's plain-text notes as rich text, escaped, with clickable addresses.
#include "ui/notetext.h"

#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;

class TstNoteText : public QObject
{
    Q_OBJECT

private slots:
    void escapesMarkup();
    void linksAddresses_data();
    void linksAddresses();
    void keepsLineBreaks();
    void firstLine();
};

void TstNoteText::escapesMarkup()
{
    const QString html = NoteText::toHtml(u"<b>bold</b> & <a href=\"x\">no link</a> \"quoted\""_s);
    QVERIFY(!html.contains(u"<b>"_s));
    QVERIFY(!html.contains(u"<a href=\"x\">"_s));
    QVERIFY(html.contains(u"&lt;b&gt;bold&lt;/b&gt; &amp; "_s));
    // What a Text item shows is exactly the notes.
    QTextDocument document;
    document.setHtml(html);
    QCOMPARE(document.toPlainText(), u"<b>bold</b> & <a href=\"x\">no link</a> \"quoted\""_s);
    QVERIFY(NoteText::toHtml(u" \n\t "_s).isEmpty());
}

void TstNoteText::linksAddresses_data()
{
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("href");
    QTest::addColumn<QString>("shown");
    QTest::newRow("https") << u"see https://example.org/a?b=1&c=2 now"_s
                           << u"https://example.org/a?b=1&amp;c=2"_s
                           << u"https://example.org/a?b=1&amp;c=2"_s;
    QTest::newRow("end of sentence") << u"Form: http://example.org/form."_s << u"http://example.org/form"_s
                                     << u"http://example.org/form"_s;
    QTest::newRow("in parentheses") << u"(https://example.org/x)"_s << u"https://example.org/x"_s
                                    << u"https://example.org/x"_s;
    QTest::newRow("www") << u"www.example.org, then"_s << u"https://www.example.org"_s
                         << u"www.example.org"_s;
    QTest::newRow("mailto") << u"mailto:ann@example.org"_s << u"mailto:ann@example.org"_s
                            << u"mailto:ann@example.org"_s;
    QTest::newRow("quote in address")
        << u"https://example.org/\"onmouseover=x"_s << u"https://example.org/"_s << u"https://example.org/"_s;
}

void TstNoteText::linksAddresses()
{
    QFETCH(QString, notes);
    QFETCH(QString, href);
    QFETCH(QString, shown);
    const QString html = NoteText::toHtml(notes);
    QVERIFY2(html.contains(u"<a href=\""_s + href + u"\">"_s + shown + u"</a>"_s), qPrintable(html));
    QCOMPARE(html.count(u"<a "_s), 1);
    QTextDocument document;
    document.setHtml(html);
    QCOMPARE(document.toPlainText(), notes);
}

void TstNoteText::keepsLineBreaks()
{
    const QString html = NoteText::toHtml(u"first\nsecond  spaced\n\nhttps://example.org"_s);
    QCOMPARE(html.count(u"<br>"_s), 3);
    QVERIFY(html.contains(u"white-space: pre-wrap"_s));
    QVERIFY(!NoteText::toHtml(u"no https:// address"_s).contains(u"<a "_s));
}

void TstNoteText::firstLine()
{
    QCOMPARE(NoteText::firstLine(u"  \n Call back \nsecond"_s), u"Call back"_s);
    QCOMPARE(NoteText::firstLine(u"one"_s), u"one"_s);
}

QTEST_GUILESS_MAIN(TstNoteText)
#include "tst_notetext.moc"
