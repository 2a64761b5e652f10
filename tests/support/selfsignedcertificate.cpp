// SPDX-License-Identifier: MIT
#include "selfsignedcertificate.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>

bool SelfSignedCertificate::generate(const QString &dir, const QString &name, const QString &commonName)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed (tools/dependencies.sh installs it)");
        return false;
    }
    m_certificateFile = QDir(dir).filePath(name + QStringLiteral(".crt"));
    m_keyFile = QDir(dir).filePath(name + QStringLiteral(".key"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), m_keyFile, QStringLiteral("-out"), m_certificateFile,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost") });
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(process.readAll());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_certificateFile);
    if (certificates.size() != 1) {
        m_error = QStringLiteral("openssl wrote no readable certificate to ") + m_certificateFile;
        return false;
    }
    m_certificate = certificates.constFirst();
    return true;
}
