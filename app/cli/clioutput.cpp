// SPDX-License-Identifier: MIT
#include "cli/clioutput.h"

#include "sync/todocodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

void CliOutput::line(const QString &text) const
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::json(const QJsonValue &value) const
{
    const QByteArray bytes = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    line(QString::fromUtf8(bytes));
}

int CliOutput::error(int code, const QString &message) const
{
    note(u"dayboard-cli: "_s + message);
    if (m_json)
        json(QJsonObject { { u"error"_s, message }, { u"exitCode"_s, code } });
    return code;
}

void CliOutput::note(const QString &text) const
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString CliOutput::todoLine(const QDate &day, const Todo &todo)
{
    QString text = day.toString(Qt::ISODate) + u"  "_s + todo.id + u"  "_s
        + (todo.isDone()                                 ? u"[x] "_s
               : todo.status == Todo::Status::InProgress ? u"[~] "_s
                                                         : u"[ ] "_s)
        + todo.text;
    if (todo.priority != Todo::Priority::Low)
        text += u"  ("_s + TodoCodec::priorityName(todo.priority) + u')';
    if (!todo.remind.isEmpty())
        text += u"  "_s + todo.remind;
    return text.replace(u'\n', u' ');
}

QJsonObject CliOutput::todoJson(const QDate &day, const Todo &todo)
{
    return { { u"day"_s, day.toString(Qt::ISODate) }, { u"todo"_s, TodoCodec::toJson(todo) } };
}
