// SPDX-License-Identifier: MIT
#include "ui/quickaddparser.h"

#include "sync/dayword.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

struct Word
{
    QString text;
    bool escaped = false;
    std::optional<QuickAddParser::Part> part;
};

} // namespace

std::optional<QDate> QuickAddParser::parseDay(const QString &word, const QDate &today)
{
    // The same day words as dayboard-cli's --day (without its offsets: "+1" can be text).
    return DayWord::parse(word, today);
}

std::optional<QString> QuickAddParser::parseTime(const QString &word)
{
    static const QRegularExpression time(u"^([01]?\\d|2[0-3]):([0-5]\\d)$"_s);
    const auto m = time.match(word);
    if (!m.hasMatch())
        return std::nullopt;
    return u"%1:%2"_s.arg(m.captured(1).toInt(), 2, 10, QLatin1Char('0')).arg(m.captured(2));
}

std::optional<Todo::Priority> QuickAddParser::parsePriority(const QString &word)
{
    const QString lower = word.toLower();
    if (lower == u"!high" || lower == u"!1")
        return Todo::Priority::High;
    if (lower == u"!medium" || lower == u"!2")
        return Todo::Priority::Medium;
    if (lower == u"!low" || lower == u"!3")
        return Todo::Priority::Low;
    return std::nullopt;
}

QuickAddParser::Result QuickAddParser::parse(const QString &input, const QDate &today, int ignored)
{
    static const QRegularExpression space(u"\\s+"_s);
    QList<Word> words;
    for (const QString &piece : input.split(space, Qt::SkipEmptyParts)) {
        Word word { piece, false, std::nullopt };
        if (piece.startsWith(u'\\')) {
            word.text = piece.mid(1);
            word.escaped = true;
        }
        words.append(word);
    }

    Result result;
    // The last word of each kind is taken; scan from the end so the first hit wins.
    for (qsizetype i = words.size() - 1; i >= 0; --i) {
        Word &word = words[i];
        if (word.escaped)
            continue;
        if (!(ignored & DayPart) && !result.day.isValid()) {
            if (const auto day = parseDay(word.text, today)) {
                result.day = *day;
                word.part = DayPart;
                continue;
            }
        }
        if (!(ignored & TimePart) && result.remind.isEmpty()) {
            if (const auto time = parseTime(word.text)) {
                result.remind = *time;
                word.part = TimePart;
                continue;
            }
        }
        if (!(ignored & PriorityPart) && !result.priority) {
            if (const auto priority = parsePriority(word.text)) {
                result.priority = *priority;
                word.part = PriorityPart;
            }
        }
    }

    QStringList text;
    bool changed = false;
    for (const Word &word : std::as_const(words)) {
        changed = changed || word.part || word.escaped;
        if (word.part)
            result.tokens.append(Token { *word.part, word.text });
        else if (!word.text.isEmpty())
            text.append(word.text);
    }
    // Untouched input keeps its own spacing; otherwise the words left are joined by single spaces.
    result.text = changed ? text.join(u' ') : input.trimmed();
    return result;
}
