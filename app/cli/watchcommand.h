// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QObject>
#include <optional>

class CliContext;
class MonitorClient;

/**
 * @brief `dayboard-cli watch`: prints every change to the chosen days as it happens, until SIGINT or
 * SIGTERM (exit 0).
 *
 * Subscribes to the days with a MonitorClient (the app's notification socket: a token for exactly
 * those keys), compares each notified value with the last one by todo id and prints one line (or one
 * JSON object) per todo added, changed or removed. After every (re)connect it reads the days again,
 * so changes made while it was disconnected are printed too. "Watching …" on stderr says it is
 * subscribed.
 */
class WatchCommand : public QObject
{
    Q_OBJECT

public:
    static void options(QCommandLineParser &parser);
    static int run(CliContext &context);

private:
    WatchCommand(CliContext &context, const QList<QDate> &days);
    int exec();
    void readAll();
    void show(const QDate &day, const TodoList &now);
    void print(const QDate &day, const QString &change, const Todo &todo);

    CliContext &m_context;
    QList<QDate> m_days;
    DayLists m_known;
    bool m_announced = false;
};
