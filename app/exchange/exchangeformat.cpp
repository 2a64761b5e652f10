// SPDX-License-Identifier: MIT
#include "exchange/exchangeformat.h"

#include "exchange/icalendarreader.h"
#include "exchange/icalendarwriter.h"
#include "exchange/jsonexchange.h"
#include "exchange/markdownwriter.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

std::optional<ExchangeFormat::Format> ExchangeFormat::fromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == u"json")
        return Format::Json;
    if (lower == u"ics" || lower == u"ical" || lower == u"icalendar")
        return Format::ICalendar;
    if (lower == u"md" || lower == u"markdown")
        return Format::Markdown;
    return std::nullopt;
}

ExchangeFormat::Format ExchangeFormat::forPath(const QString &path, Format fallback)
{
    return fromName(QFileInfo(path).suffix()).value_or(fallback);
}

QByteArray ExchangeFormat::write(Format format, const DayLists &days)
{
    switch (format) {
    case Format::ICalendar:
        return ICalendarWriter::write(days);
    case Format::Markdown:
        return MarkdownWriter::write(days);
    case Format::Json:
        break;
    }
    return JsonExchange::write(days);
}

bool ExchangeFormat::looksLikeICalendar(const QString &path, const QByteArray &data)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json")
        return false;
    if (fromName(suffix) == Format::ICalendar)
        return true;
    return data.trimmed().left(15).toUpper().startsWith("BEGIN:VCALENDAR");
}

ImportDocument ExchangeFormat::read(const QString &path, const QByteArray &data)
{
    return looksLikeICalendar(path, data) ? ICalendarReader::read(data) : JsonExchange::read(data);
}
