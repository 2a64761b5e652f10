// SPDX-License-Identifier: MIT
#include "daemon/limitoptions.h"

#include <QCommandLineParser>
#include <cmath>
#include <limits>

LimitOptions::LimitOptions()
{
    m_limits = {
        { QStringLiteral("max-connections"), Kind::Count,
          QStringLiteral("Open TCP connections in all; beyond, new ones get 503. Also kept below the "
                         "open-file limit."),
          false },
        { QStringLiteral("max-connections-per-address"), Kind::Count,
          QStringLiteral("Open TCP connections from one client address; beyond, 503. 0: no limit "
                         "(behind a reverse proxy every connection comes from the proxy)."),
          true },
        { QStringLiteral("max-in-flight"), Kind::Count,
          QStringLiteral("WebSocket requests on one connection still awaiting their reply; beyond, "
                         "429. 0: no limit."),
          true },
        { QStringLiteral("rate-limit"), Kind::Rate,
          QStringLiteral("Requests per second on one connection (WebSocket or HTTP keep-alive); "
                         "beyond, 429. 0: no limit."),
          true },
        { QStringLiteral("rate-burst"), Kind::Rate,
          QStringLiteral("Requests one connection may send at once before the rate limit applies."), false },
        { QStringLiteral("handshake-timeout"), Kind::Seconds,
          QStringLiteral("Seconds for a request head (and body), or a WebSocket upgrade, to arrive; "
                         "beyond, 408 or close."),
          false },
        { QStringLiteral("idle-timeout"), Kind::Seconds,
          QStringLiteral("Close a WebSocket that sends no message for this many seconds (pings and "
                         "pongs do not count; monitor-only sockets send none). 0: never."),
          true },
        { QStringLiteral("max-message-bytes"), Kind::Bytes,
          QStringLiteral("Largest incoming WebSocket message; beyond, close 1009."), false },
        { QStringLiteral("max-frame-bytes"), Kind::Bytes,
          QStringLiteral("Largest incoming WebSocket frame; beyond, close 1009."), false },
        { QStringLiteral("max-send-buffer-bytes"), Kind::Bytes,
          QStringLiteral("Unsent bytes queued for one WebSocket; beyond, close 4001 (slow consumer)."),
          false },
        { QStringLiteral("max-buffered-bytes"), Kind::Bytes,
          QStringLiteral(
              "Unsent WebSocket output and RANGE replies being built, in all (server-wide memory "
              "budget); beyond, the socket that crossed it is closed 4001 and a RANGE gets 503. 0: no "
              "limit."),
          true },
        { QStringLiteral("max-range-bytes"), Kind::Bytes,
          QStringLiteral("Keys and values in one RANGE reply; beyond, the reply ends with truncated: true "
                         "(page on from its last key)."),
          false },
        { QStringLiteral("presence-expiry"), Kind::Seconds,
          QStringLiteral("Seconds after which a presence member that stopped announcing itself (a crashed "
                         "or cut-off client) vanishes; clients announce again every third of it."),
          false },
    };
}

QString LimitOptions::variableOf(const QString &flag)
{
    return QStringLiteral("DAYBOARD_") + QString(flag).replace(QLatin1Char('-'), QLatin1Char('_')).toUpper();
}

QList<QCommandLineOption> LimitOptions::options() const
{
    const ServerConfig defaults;
    QList<QCommandLineOption> result;
    for (const Limit &limit : m_limits) {
        const QString value = limit.kind == Kind::Seconds ? QStringLiteral("seconds") : QStringLiteral("n");
        QString help = limit.help;
        help.chop(help.endsWith(QLatin1Char('.')) ? 1 : 0);
        const QString defaultText = QString::number(defaultOf(limit.flag, defaults), 'g', 15);
        result.append(QCommandLineOption(
            limit.flag, QStringLiteral("%1 [%2]. Default %3.").arg(help, variableOf(limit.flag), defaultText),
            value));
    }
    return result;
}

bool LimitOptions::parseValue(const QString &text, Kind kind, bool zeroAllowed, double *value)
{
    bool ok = false;
    const double parsed = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(parsed) || parsed < 0 || (!zeroAllowed && parsed == 0))
        return false;
    const bool whole = kind == Kind::Count || kind == Kind::Bytes;
    if (whole && parsed != std::floor(parsed))
        return false;
    const double maximum = kind == Kind::Bytes ? double(1LL << 40)
        : kind == Kind::Seconds                ? double(std::numeric_limits<int>::max()) / 1000.0
                                               : double(std::numeric_limits<int>::max());
    if (parsed > maximum)
        return false;
    *value = parsed;
    return true;
}

double LimitOptions::defaultOf(const QString &flag, const ServerConfig &c)
{
    if (flag == u"max-connections")
        return c.maxConnections;
    if (flag == u"max-connections-per-address")
        return c.maxConnectionsPerAddress;
    if (flag == u"max-in-flight")
        return c.maxInFlight;
    if (flag == u"rate-limit")
        return c.rateLimit;
    if (flag == u"rate-burst")
        return c.rateBurst;
    if (flag == u"handshake-timeout")
        return c.headTimeoutMs / 1000.0;
    if (flag == u"idle-timeout")
        return c.idleTimeoutMs / 1000.0;
    if (flag == u"max-message-bytes")
        return double(c.maxMessageBytes);
    if (flag == u"max-frame-bytes")
        return double(c.maxFrameBytes);
    if (flag == u"max-buffered-bytes")
        return double(c.maxBufferedBytes);
    if (flag == u"max-range-bytes")
        return double(c.maxRangeBytes);
    if (flag == u"presence-expiry")
        return c.presenceExpiryMs / 1000.0;
    return double(c.maxSendBufferBytes);
}

void LimitOptions::store(const QString &flag, double v, ServerConfig *c)
{
    if (flag == u"max-connections")
        c->maxConnections = int(v);
    else if (flag == u"max-connections-per-address")
        c->maxConnectionsPerAddress = int(v);
    else if (flag == u"max-in-flight")
        c->maxInFlight = int(v);
    else if (flag == u"rate-limit")
        c->rateLimit = v;
    else if (flag == u"rate-burst")
        c->rateBurst = v;
    else if (flag == u"handshake-timeout")
        c->headTimeoutMs = qMax(1, int(std::lround(v * 1000)));
    else if (flag == u"idle-timeout")
        c->idleTimeoutMs = int(std::lround(v * 1000));
    else if (flag == u"max-message-bytes")
        c->maxMessageBytes = qint64(v);
    else if (flag == u"max-frame-bytes")
        c->maxFrameBytes = qint64(v);
    else if (flag == u"max-buffered-bytes")
        c->maxBufferedBytes = qint64(v);
    else if (flag == u"max-range-bytes")
        c->maxRangeBytes = qint64(v);
    else if (flag == u"presence-expiry")
        c->presenceExpiryMs = qMax(30, int(std::lround(v * 1000)));
    else
        c->maxSendBufferBytes = qint64(v);
}

bool LimitOptions::apply(const QCommandLineParser &parser, const QProcessEnvironment &env,
                         ServerConfig *config, QString *error) const
{
    for (const Limit &limit : m_limits) {
        const QString variable = variableOf(limit.flag);
        QString text;
        if (parser.isSet(limit.flag))
            text = parser.value(limit.flag);
        else if (env.contains(variable))
            text = env.value(variable);
        else
            continue;
        double value = 0;
        if (!parseValue(text, limit.kind, limit.zeroAllowed, &value)) {
            *error = QStringLiteral("Invalid --%1 (%2): %3 (expected %4)")
                         .arg(limit.flag, variable, text,
                              limit.zeroAllowed ? QStringLiteral("a number, 0 or more")
                                                : QStringLiteral("a number greater than 0"));
            return false;
        }
        store(limit.flag, value, config);
    }
    return true;
}
