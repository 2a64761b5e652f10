// SPDX-License-Identifier: MIT
#include "exchange/icalendarreader.h"

#include "exchange/icalendartodo.h"

#include <QList>
#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

/// One content line after unfolding (RFC 5545 §3.1), with the number of its first physical line.
struct ContentLine
{
    int number = 0;
    QByteArray text;
};

QList<ContentLine> unfold(QByteArray data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QList<ContentLine> lines;
    int number = 0;
    for (QByteArray physical : data.split('\n')) {
        ++number;
        if (physical.endsWith('\r'))
            physical.chop(1);
        if ((physical.startsWith(' ') || physical.startsWith('\t')) && !lines.isEmpty())
            lines.last().text += physical.mid(1);
        else
            lines.append({ number, physical });
    }
    return lines;
}

/// The property name of a content line ("BEGIN", "SUMMARY", ...), upper case.
QByteArray nameOf(const QByteArray &text)
{
    qsizetype end = 0;
    while (end < text.size() && text.at(end) != ':' && text.at(end) != ';')
        ++end;
    return text.left(end).trimmed().toUpper();
}

bool isIanaToken(const QByteArray &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
}

/// A property line libical can read, or nullopt. Unknown IANA names are read as X- names.
std::optional<QByteArray> checkedProperty(const QByteArray &text)
{
    QByteArray line = text;
    const QByteArray name = nameOf(text);
    if (isIanaToken(name) && icalproperty_string_to_kind(name.constData()) == ICAL_NO_PROPERTY)
        line.prepend("X-");
    icalproperty *property = icalproperty_new_from_string(line.constData());
    if (!property)
        return std::nullopt;
    icalproperty_free(property);
    return line;
}

struct ParserDeleter
{
    void operator()(icalparser *parser) const { icalparser_free(parser); }
};

struct ComponentDeleter
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};

using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

/// A top-level component and where its children begin, in order (libical keeps that order).
struct Root
{
    Component component;
    int line = 0;
    QList<int> childLines;
};

QString clipped(const QByteArray &text)
{
    const QString line = QString::fromUtf8(text);
    return line.size() > 60 ? line.left(57) + u"..."_s : line;
}

QString summaryOf(icalcomponent *component)
{
    const QString summary = QString::fromUtf8(icalcomponent_get_summary(component)).trimmed();
    return summary.isEmpty() ? QString::fromLatin1(icalcomponent_kind_to_string(icalcomponent_isa(component)))
                             : summary;
}

} // namespace

ImportDocument ICalendarReader::read(const QByteArray &data)
{
    std::unique_ptr<icalparser, ParserDeleter> parser(icalparser_new());
    std::vector<Root> roots;
    struct Open
    {
        QByteArray name;
        int line;
    };
    QList<Open> open;
    QList<int> childLines;
    int rootLine = 0;
    for (const ContentLine &line : unfold(data)) {
        if (line.text.trimmed().isEmpty())
            continue;
        const QByteArray name = nameOf(line.text);
        QByteArray text = line.text;
        if (name == "BEGIN" || name == "END") {
            const QByteArray kind = line.text.mid(line.text.indexOf(':') + 1).trimmed().toUpper();
            if (!line.text.contains(':') || kind.isEmpty())
                return ImportDocument::failure(line.number,
                                               tr("Line %1: %2 without a component name.")
                                                   .arg(line.number)
                                                   .arg(QString::fromLatin1(name)));
            if (name == "BEGIN") {
                if (open.isEmpty())
                    rootLine = line.number;
                if (open.size() == 1)
                    childLines.append(line.number);
                open.append({ kind, line.number });
            } else if (open.isEmpty()) {
                return ImportDocument::failure(
                    line.number,
                    tr("Line %1: END:%2 without a BEGIN:%2.").arg(line.number).arg(QString::fromUtf8(kind)));
            } else if (open.constLast().name != kind) {
                return ImportDocument::failure(
                    line.number,
                    tr("Line %1: END:%2 where BEGIN:%3 from line %4 is still open.")
                        .arg(line.number)
                        .arg(QString::fromUtf8(kind), QString::fromUtf8(open.constLast().name))
                        .arg(open.constLast().line));
            } else {
                open.removeLast();
            }
        } else {
            const std::optional<QByteArray> checked = open.isEmpty() ? std::nullopt : checkedProperty(text);
            if (!checked)
                return ImportDocument::failure(
                    line.number,
                    tr("Line %1 is not valid iCalendar: “%2”.").arg(line.number).arg(clipped(line.text)));
            text = *checked;
        }
        icalcomponent *done = icalparser_add_line(parser.get(), text.data());
        if (icalparser_get_state(parser.get()) == ICALPARSER_ERROR)
            return ImportDocument::failure(
                line.number,
                tr("Line %1 is not valid iCalendar: “%2”.").arg(line.number).arg(clipped(line.text)));
        if (done) {
            roots.push_back({ Component(done), rootLine, childLines });
            childLines.clear();
        }
    }
    if (!open.isEmpty()) {
        const Open &unclosed = open.constLast();
        return ImportDocument::failure(unclosed.line,
                                       tr("Line %1: BEGIN:%2 is never closed (no END:%2).")
                                           .arg(unclosed.line)
                                           .arg(QString::fromUtf8(unclosed.name)));
    }
    if (roots.empty())
        return ImportDocument::failure(1, tr("Line 1: this is not an iCalendar file (no BEGIN:VCALENDAR)."));

    ImportDocument document;
    for (const Root &root : roots) {
        icalcomponent *calendar = root.component.get();
        if (icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
            document.skipped.append({ root.line, summaryOf(calendar), tr("it is not inside a VCALENDAR") });
            continue;
        }
        qsizetype index = 0;
        for (icalcomponent *child = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT); child;
             child = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT), ++index) {
            const int line = root.childLines.value(index);
            const icalcomponent_kind kind = icalcomponent_isa(child);
            if (kind == ICAL_VTIMEZONE_COMPONENT)
                continue;
            if (kind != ICAL_VTODO_COMPONENT) {
                document.skipped.append(
                    { line, summaryOf(child),
                      tr("it is a %1, not a todo")
                          .arg(QString::fromLatin1(icalcomponent_kind_to_string(kind))) });
                continue;
            }
            auto converted = ICalendarTodo::fromComponent(child, line);
            if (auto *item = std::get_if<ImportDocument::Item>(&converted))
                document.items.append(*item);
            else
                document.skipped.append({ line, summaryOf(child), std::get<QString>(converted) });
        }
    }
    return document;
}
