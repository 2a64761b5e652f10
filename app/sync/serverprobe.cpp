// SPDX-License-Identifier: MIT
#include "sync/serverprobe.h"

#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/synclog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

ServerProbe::ServerProbe(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

ServerProbe::~ServerProbe()
{
    cancel();
}

void ServerProbe::run(const QUrl &baseUrl, const QString &apiKey, Callback callback)
{
    cancel();
    QNetworkRequest request(HpkvClient::httpUrl(baseUrl, u"/token/websocket"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("x-api-key", apiKey.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    // A harmless token: one day key, the monitor's own access pattern.
    const QJsonObject body { { u"subscribeKeys"_s, QJsonArray { u"todos-19700101"_s } },
                             { u"accessPattern"_s, QLatin1String(MonitorClient::accessPattern) } };
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, callback = std::move(callback)] { finished(reply, callback); });
}

void ServerProbe::cancel()
{
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

bool ServerProbe::isRunning() const
{
    return m_reply != nullptr;
}

void ServerProbe::finished(QNetworkReply *reply, const Callback &callback)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    Verdict verdict = Verdict::Unreachable;
    QString detail;
    if (status == 200 && !body.value(u"token"_s).toString().isEmpty()) {
        verdict = Verdict::Accepted;
    } else if (status == 401 || status == 403) {
        verdict = Verdict::KeyRefused;
        detail = u"HTTP %1"_s.arg(status);
    } else if (status != 0) {
        verdict = Verdict::NotHpkv;
        detail = u"it answered HTTP %1 %2"_s.arg(status).arg(
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    } else {
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
            verdict = Verdict::TlsProblem;
            break;
        case QNetworkReply::ProtocolFailure:
        case QNetworkReply::UnknownContentError:
            verdict = Verdict::NotHpkv;
            break;
        case QNetworkReply::OperationCanceledError:
            detail = u"no answer in time"_s;
            break;
        default:
            break;
        }
        if (detail.isEmpty())
            detail = reply->errorString();
    }
    qCInfo(lcSync) << "server probe:" << verdict << status;
    callback(verdict, detail.trimmed());
}
