// SPDX-License-Identifier: MIT
#include "exchange/jsonexchange.h"

#include "sync/daycache.h"
#include "sync/todocodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

int lineAt(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

/// The line of the first `"text"` at or after `from` (where a key or an id is), else `fallback`.
int lineOf(const QByteArray &data, const QString &text, qsizetype from, int fallback,
           qsizetype *found = nullptr)
{
    const qsizetype at = data.indexOf(QByteArray('"' + text.toUtf8() + '"'), from);
    if (found)
        *found = at < 0 ? from : at;
    return at < 0 ? fallback : lineAt(data, at);
}

} // namespace

QByteArray JsonExchange::write(const DayLists &days)
{
    QByteArray out = "{";
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        out += it == days.cbegin() ? "\n" : ",\n";
        out += '"' + DayCache::keyFor(it.key()) + "\":" + TodoCodec::serialize(it.value());
    }
    out += days.isEmpty() ? "}\n" : "\n}\n";
    return out;
}

ImportDocument JsonExchange::read(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = lineAt(data, parseError.offset);
        return ImportDocument::failure(
            line, tr("Line %1: this is not valid JSON (%2).").arg(line).arg(parseError.errorString()));
    }
    if (!document.isObject())
        return ImportDocument::failure(
            1, tr("Line 1: this is not a Dayboard export (expected an object with todos-YYYYMMDD members)."));

    ImportDocument result;
    const QJsonObject days = document.object();
    for (auto it = days.constBegin(); it != days.constEnd(); ++it) {
        qsizetype keyAt = 0;
        const int keyLine = lineOf(data, it.key(), 0, 1, &keyAt);
        const std::optional<QDate> day = DayCache::dateForKey(it.key().toUtf8());
        if (!day) {
            result.skipped.append({ keyLine, it.key(), tr("not a day (expected todos-YYYYMMDD)") });
            continue;
        }
        const TodoCodec::Result parsed = it.value().isArray()
            ? TodoCodec::parse(QJsonDocument(it.value().toArray()).toJson(QJsonDocument::Compact))
            : TodoCodec::Result {};
        if (!parsed.ok)
            return ImportDocument::failure(
                keyLine, tr("Line %1: %2 is not a list of todos.").arg(keyLine).arg(it.key()));
        for (const Todo &todo : parsed.todos) {
            const int line = todo.id.isEmpty() ? keyLine : lineOf(data, todo.id, keyAt, keyLine);
            if (todo.id.isEmpty())
                result.skipped.append({ line, todo.text, tr("it has no id") });
            else if (todo.text.trimmed().isEmpty())
                result.skipped.append({ line, todo.id, tr("it has no text") });
            else
                result.items.append({ todo, *day, line, {} });
        }
    }
    // Days come in key order (the file's order for our exports), each day's todos in array order.
    std::stable_sort(result.skipped.begin(), result.skipped.end(),
                     [](const auto &a, const auto &b) { return a.line < b.line; });
    return result;
}
