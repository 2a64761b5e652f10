// SPDX-License-Identifier: MIT
#include "ui/quickadd.h"

#include <QLocale>
#include <QVariantMap>

using namespace Qt::StringLiterals;

QuickAdd::QuickAdd(QObject *parent)
    : QObject(parent)
{ }

void QuickAdd::setInput(const QString &input)
{
    if (input == m_input)
        return;
    m_input = input;
    emit inputChanged();
    reparse();
}

void QuickAdd::setToday(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    if (!date.isValid() || date == m_today)
        return;
    m_today = date;
    emit inputChanged();
    reparse();
}

QString QuickAdd::day() const
{
    return m_result.day.isValid() ? m_result.day.toString(Qt::ISODate) : QString();
}

QString QuickAdd::labelFor(const QuickAddParser::Result &result, QuickAddParser::Part part)
{
    switch (part) {
    case QuickAddParser::DayPart:
        return QLocale().toString(result.day, u"dddd d MMM"_s);
    case QuickAddParser::TimePart:
        return result.remind;
    case QuickAddParser::PriorityPart:
        if (!result.priority)
            return {};
        switch (*result.priority) {
        case Todo::Priority::High:
            return tr("High");
        case Todo::Priority::Medium:
            return tr("Medium");
        case Todo::Priority::Low:
            return tr("Low");
        }
    }
    return {};
}

QVariantList QuickAdd::chips() const
{
    QVariantList chips;
    for (const QuickAddParser::Token &token : m_result.tokens) {
        chips.append(QVariantMap { { u"part"_s, int(token.part) },
                                   { u"label"_s, labelFor(m_result, token.part) },
                                   { u"source"_s, token.source } });
    }
    return chips;
}

QString QuickAdd::summary() const
{
    QStringList labels;
    for (const QuickAddParser::Token &token : m_result.tokens)
        labels.append(labelFor(m_result, token.part));
    return labels.join(u" · "_s);
}

void QuickAdd::ignore(int part)
{
    if ((m_ignored & part) == part)
        return;
    m_ignored |= part;
    emit inputChanged();
    reparse();
}

void QuickAdd::reset()
{
    if (m_ignored == 0)
        return;
    m_ignored = 0;
    emit inputChanged();
    reparse();
}

void QuickAdd::reparse()
{
    m_result = QuickAddParser::parse(m_input, m_today, m_ignored);
    emit resultChanged();
}
