// SPDX-License-Identifier: MIT
#include "net/httpconnection.h"

#include "net/netlog.h"

#include <QTcpSocket>

HttpConnection::HttpConnection(QTcpSocket *socket, Options options, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_options(options)
    , m_parser(options.limits)
    , m_bucket(options.rateLimit, options.rateBurst, 0)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    m_timer.start(m_options.headTimeoutMs);
    if (socket->bytesAvailable() > 0)
        processInput();
}

HttpConnection::~HttpConnection()
{
    if (m_socket && m_state != State::Detached)
        m_socket->deleteLater();
}

void HttpConnection::respond(const HttpServerResponse &response, bool forceClose)
{
    if (!m_socket || m_state == State::Detached || m_state == State::Closing)
        return;
    const bool keepAlive = m_keepAlive && !forceClose && !m_closeWhenIdle;
    QByteArray bytes = response.serialize(keepAlive);
    if (m_request.method == "HEAD")
        bytes.chop(response.body.size());
    m_socket->write(bytes);
    if (!keepAlive) {
        m_state = State::Closing;
        // Pending bytes are still sent; a peer that never reads is aborted by the timer.
        m_socket->disconnectFromHost();
        m_timer.start(m_options.headTimeoutMs);
        return;
    }
    m_state = State::ReadingHead;
    m_request = {};
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

QTcpSocket *HttpConnection::takeSocket()
{
    QTcpSocket *socket = m_socket;
    m_state = State::Detached;
    m_timer.stop();
    if (socket) {
        disconnect(socket, nullptr, this, nullptr);
        socket->setParent(nullptr);
    }
    m_socket = nullptr;
    finish();
    return socket;
}

void HttpConnection::closeWhenIdle()
{
    m_closeWhenIdle = true;
    if (m_state == State::ReadingHead && m_socket && m_socket->bytesAvailable() == 0) {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::processInput()
{
    while (m_socket && (m_state == State::ReadingHead || m_state == State::ReadingBody)) {
        const bool progressed = m_state == State::ReadingHead ? readHead() : readBody();
        if (!progressed)
            return;
    }
}

bool HttpConnection::readHead()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available == 0)
        return false;
    if (m_timer.remainingTime() > m_options.headTimeoutMs || !m_timer.isActive())
        m_timer.start(m_options.headTimeoutMs); // a keep-alive wait turned into a head read
    const QByteArray peeked = m_socket->peek(qMin<qint64>(available, m_options.limits.maxHeadBytes + 8));
    const HttpParser::Result result = m_parser.parseHead(peeked);
    if (result.status == HttpParser::Status::NeedMore)
        return false;
    if (result.status == HttpParser::Status::Error) {
        fail(result.errorStatus, result.errorText);
        return false;
    }
    m_request = result.request;
    m_keepAlive = m_request.keepAlive();
    m_socket->skip(result.headBytes);
    if (m_request.isWebSocketUpgrade()) {
        m_state = State::Busy;
        m_timer.stop();
        emit upgradeRequested(m_request);
        return false;
    }
    if (m_request.contentLength > 0
        && m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_request.body.reserve(m_request.contentLength);
    m_state = State::ReadingBody;
    return true;
}

bool HttpConnection::readBody()
{
    const qint64 missing = m_request.contentLength - m_request.body.size();
    if (missing > 0) {
        const QByteArray chunk = m_socket->read(missing);
        if (chunk.isEmpty())
            return false;
        m_request.body += chunk;
        if (m_request.body.size() < m_request.contentLength)
            return false;
    }
    m_state = State::Busy;
    m_timer.stop();
    if (!m_bucket.tryTake(m_clock.elapsed())) {
        refuseOverRate();
        return true;
    }
    emit requestReceived(m_request);
    return true;
}

void HttpConnection::refuseOverRate()
{
    if (!m_rateLogged) {
        m_rateLogged = true;
        qCInfo(lcNet) << "http peer over its request rate; answering 429"
                      << m_socket->peerAddress().toString();
    }
    HttpServerResponse response
        = HttpServerResponse::error(429,
                                    QStringLiteral("Too many requests on this "
                                                   "connection; slow down and retry"));
    response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    respond(response);
}

void HttpConnection::fail(int status, const QString &text)
{
    qCInfo(lcNet) << "bad request from" << m_socket->peerAddress().toString() << status << text;
    m_keepAlive = false;
    respond(HttpServerResponse::error(status, text), true);
}

void HttpConnection::armTimer()
{
    m_timer.start(m_options.keepAliveTimeoutMs);
}

void HttpConnection::onTimeout()
{
    if (!m_socket)
        return;
    if (m_state == State::ReadingHead && m_socket->bytesAvailable() > 0) {
        fail(408, QStringLiteral("Request head not received in time"));
        return;
    }
    if (m_state == State::ReadingBody) {
        fail(408, QStringLiteral("Request body not received in time"));
        return;
    }
    if (m_state == State::Busy)
        return;
    m_state = State::Closing;
    m_socket->abort();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    emit finished();
    deleteLater();
}
