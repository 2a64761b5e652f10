// SPDX-License-Identifier: MIT
#include "net/tlscredentials.h"

#include "net/netlog.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

constexpr int loopbackTimeoutMs = 5000;

bool readFile(const QString &path, const QString &what, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the TLS %1 file %2: %3").arg(what, path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

QList<QSslCertificate> parseCertificates(const QByteArray &data)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    certificates.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    return certificates;
}

QSslKey parseKey(const QByteArray &data)
{
    const QSsl::EncodingFormat format = data.contains("-----BEGIN") ? QSsl::Pem : QSsl::Der;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        QSslKey key(data, algorithm, format, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

void warnAboutValidity(const QSslCertificate &certificate, const QString &path)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.expiryDate() < now)
        qCWarning(lcNet) << "TLS certificate" << path << "expired on"
                         << certificate.expiryDate().toString(Qt::ISODate);
    else if (certificate.effectiveDate() > now)
        qCWarning(lcNet) << "TLS certificate" << path << "is not valid before"
                         << certificate.effectiveDate().toString(Qt::ISODate);
}

/** Accepts one connection and keeps its descriptor instead of wrapping it in a QTcpSocket. */
class DescriptorCatcher : public QTcpServer
{
public:
    qintptr descriptor = -1;

protected:
    void incomingConnection(qintptr handle) override { descriptor = handle; }
};

/**
 * Lets the TLS backend build its context from `configuration` on a loopback connection. The
 * backend checks there that the key belongs to the certificate; nothing is sent. Returns the
 * backend's complaint, or an empty string when the context was built (or no loopback exists).
 */
QString backendComplaint(const QSslConfiguration &configuration)
{
    DescriptorCatcher catcher;
    if (!catcher.listen(QHostAddress::LocalHost) && !catcher.listen(QHostAddress::LocalHostIPv6)) {
        qCWarning(lcNet) << "TLS key check skipped: no loopback interface";
        return {};
    }
    QTcpSocket client;
    client.connectToHost(catcher.serverAddress(), catcher.serverPort());
    if (!client.waitForConnected(loopbackTimeoutMs) || !catcher.waitForNewConnection(loopbackTimeoutMs)
        || catcher.descriptor < 0) {
        qCWarning(lcNet) << "TLS key check skipped: loopback connection failed";
        return {};
    }
    QSslSocket server;
    server.setSslConfiguration(configuration);
    if (!server.setSocketDescriptor(catcher.descriptor))
        return {};
    QString complaint;
    QObject::connect(&server, &QSslSocket::errorOccurred, &server, [&server, &complaint] {
        if (complaint.isEmpty())
            complaint = server.errorString();
    });
    server.startServerEncryption();
    server.abort();
    client.abort();
    return complaint;
}

} // namespace

std::optional<QSslConfiguration> TlsCredentials::load(const QString &certificateFile, const QString &keyFile,
                                                      QString *error)
{
    QByteArray certificateData;
    QByteArray keyData;
    if (!readFile(certificateFile, QStringLiteral("certificate"), &certificateData, error)
        || !readFile(keyFile, QStringLiteral("key"), &keyData, error)) {
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = parseCertificates(certificateData);
    if (chain.isEmpty()) {
        *error = QStringLiteral("The TLS certificate file %1 holds no PEM or DER certificate")
                     .arg(certificateFile);
        return std::nullopt;
    }
    if (keyData.contains("ENCRYPTED")) {
        *error = QStringLiteral(
                     "The TLS key file %1 is passphrase-protected; give the server an unencrypted key "
                     "(e.g. openssl pkey -in KEY -out PLAIN_KEY) readable only by it")
                     .arg(keyFile);
        return std::nullopt;
    }
    const QSslKey key = parseKey(keyData);
    if (key.isNull()) {
        *error = QStringLiteral("The TLS key file %1 holds no PEM or DER RSA, EC or DSA private key")
                     .arg(keyFile);
        return std::nullopt;
    }
    warnAboutValidity(chain.constFirst(), certificateFile);

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    if (const QString complaint = backendComplaint(configuration); !complaint.isEmpty()) {
        *error = QStringLiteral("The TLS key in %1 cannot be used with the certificate in %2 (does the key "
                                "belong to the certificate?): %3")
                     .arg(keyFile, certificateFile, complaint);
        return std::nullopt;
    }
    return configuration;
}
