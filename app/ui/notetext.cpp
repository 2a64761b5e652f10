// SPDX-License-Identifier: MIT
#include "ui/notetext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

/// The address in `match` without the punctuation that ends a sentence around it.
QString trimmedAddress(QString address)
{
    while (!address.isEmpty()) {
        const QChar last = address.back();
        const bool unbalanced = last == u')' && address.count(u'(') < address.count(u')');
        if (!u".,;:!?'\""_s.contains(last) && !unbalanced)
            break;
        address.chop(1);
    }
    return address;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

NoteText::NoteText(QObject *parent)
    : QObject(parent)
{ }

QString NoteText::toHtml(const QString &notes)
{
    if (notes.trimmed().isEmpty())
        return {};
    static const QRegularExpression address(uR"((?:https?://|mailto:|www\.)[^\s<>"]+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype from = 0;
    for (auto it = address.globalMatch(notes); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString link = trimmedAddress(match.captured());
        if (link.endsWith(u"://"_s) || link.compare(u"www."_s, Qt::CaseInsensitive) == 0
            || link.compare(u"mailto:"_s, Qt::CaseInsensitive) == 0)
            continue;
        html += escaped(notes.mid(from, match.capturedStart() - from));
        const QString target = link.startsWith(u"www."_s, Qt::CaseInsensitive) ? u"https://"_s + link : link;
        html += u"<a href=\""_s + escaped(target) + u"\">"_s + escaped(link) + u"</a>"_s;
        from = match.capturedStart() + link.size();
    }
    html += escaped(notes.mid(from));
    html.replace(u'\n', u"<br>"_s);
    return u"<span style=\"white-space: pre-wrap\">"_s + html + u"</span>"_s;
}

QString NoteText::firstLine(const QString &notes)
{
    const QString trimmed = notes.trimmed();
    return trimmed.left(trimmed.indexOf(u'\n')).trimmed();
}
