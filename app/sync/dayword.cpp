// SPDX-License-Identifier: MIT
#include "sync/dayword.h"

#include <QRegularExpression>
#include <QStringList>
#include <array>

using namespace Qt::StringLiterals;

namespace {
int weekdayOf(const QString &word)
{
    static const std::array<QStringList, 7> names = {
        QStringList { u"monday"_s, u"mon"_s },
        QStringList { u"tuesday"_s, u"tue"_s, u"tues"_s },
        QStringList { u"wednesday"_s, u"wed"_s },
        QStringList { u"thursday"_s, u"thu"_s, u"thur"_s, u"thurs"_s },
        QStringList { u"friday"_s, u"fri"_s },
        QStringList { u"saturday"_s, u"sat"_s },
        QStringList { u"sunday"_s, u"sun"_s },
    };
    for (int i = 0; i < 7; ++i) {
        if (names[i].contains(word))
            return i + 1;
    }
    return 0;
}

std::optional<QDate> valid(const QDate &date)
{
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}
} // namespace

namespace DayWord {

std::optional<QDate> parse(const QString &word, const QDate &today)
{
    const QString lower = word.trimmed().toLower();
    if (lower == u"today")
        return today;
    if (lower == u"tomorrow")
        return today.addDays(1);
    if (const int weekday = weekdayOf(lower)) {
        const int ahead = (weekday - today.dayOfWeek() + 7) % 7;
        return today.addDays(ahead == 0 ? 7 : ahead);
    }
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
    if (const auto m = iso.match(lower); m.hasMatch())
        return valid(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()));
    static const QRegularExpression dotted(u"^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})?$"_s);
    if (const auto m = dotted.match(lower); m.hasMatch()) {
        const int day = m.captured(1).toInt();
        const int month = m.captured(2).toInt();
        if (m.hasCaptured(3))
            return valid(QDate(m.captured(3).toInt(), month, day));
        // The next such date, today included; 29.2. waits for the next leap year.
        for (int year = today.year(); year <= today.year() + 8; ++year) {
            const QDate date(year, month, day);
            if (date.isValid() && date >= today)
                return date;
        }
    }
    return std::nullopt;
}

std::optional<QDate> parseWithOffsets(const QString &word, const QDate &today)
{
    const QString lower = word.trimmed().toLower();
    if (lower == u"yesterday")
        return today.addDays(-1);
    static const QRegularExpression offset(u"^([+-])(\\d{1,5})$"_s);
    if (const auto m = offset.match(lower); m.hasMatch()) {
        const int days = m.captured(2).toInt();
        return today.addDays(m.captured(1) == u"-" ? -days : days);
    }
    return parse(word, today);
}

} // namespace DayWord
