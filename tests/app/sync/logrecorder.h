// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QStringList>

/**
 * @brief Records what one logging category prints while it lives, debug lines included: how a
 * test sees that something happened inside the sync core (a 409 rebased, an overwritten
 * read-modify-write repaired) without an API only tests would use. Everything but the enabled
 * debug lines still reaches the previous message handler.
 */
class LogRecorder
{
public:
    explicit LogRecorder(const QString &category)
        : m_category(category)
    {
        QLoggingCategory::setFilterRules(category + QStringLiteral(".debug=true"));
        s_current = this;
        m_previous = qInstallMessageHandler(&LogRecorder::handle);
    }
    ~LogRecorder()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
        QLoggingCategory::setFilterRules(QString());
    }
    LogRecorder(const LogRecorder &) = delete;
    LogRecorder &operator=(const LogRecorder &) = delete;

    /** How many recorded lines match `pattern`. */
    int count(const QRegularExpression &pattern) const
    {
        const QMutexLocker lock(&m_mutex);
        int matches = 0;
        for (const QString &line : m_lines)
            matches += pattern.match(line).hasMatch() ? 1 : 0;
        return matches;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        LogRecorder *self = s_current;
        if (self && context.category && self->m_category == QLatin1String(context.category)) {
            const QMutexLocker lock(&self->m_mutex);
            self->m_lines.append(text);
            if (type == QtDebugMsg)
                return;
        }
        if (self && self->m_previous)
            self->m_previous(type, context, text);
    }

    static inline LogRecorder *s_current = nullptr;
    QString m_category;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};
