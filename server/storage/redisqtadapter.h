// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

struct redisAsyncContext;
class QSocketNotifier;

/**
 * @brief Drives one hiredis async context from the Qt event loop with QSocketNotifiers.
 *
 * hiredis 0.14 ships adapters/qt.h, but it cannot be used here: its Q_OBJECT class lives in a
 * system header that AUTOMOC never sees (the link fails on a missing vtable), it deletes a
 * QSocketNotifier from inside that notifier's own signal when the connection drops, and its
 * destructor writes into the context after hiredis has freed it. This adapter only toggles its
 * notifiers, and forgets the context once hiredis calls cleanup (the context is then gone).
 *
 * The adapter is a child of `parent`; it deletes itself after cleanup.
 */
class RedisQtAdapter final : public QObject
{
public:
    /** Hooks `context` into the event loop; false if the context already has an adapter. */
    static bool attach(redisAsyncContext *context, QObject *parent);
    ~RedisQtAdapter() override;

private:
    RedisQtAdapter(redisAsyncContext *context, QObject *parent);

    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    void enable(QSocketNotifier *&notifier, bool read, bool on);
    void readable();
    void writable();

    redisAsyncContext *m_context;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};
