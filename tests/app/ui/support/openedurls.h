// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

/**
 * @brief For the Qt Quick tests: the URLs of one scheme the app asks to open
 * (Qt.openUrlExternally, QDesktopServices), recorded instead of opened in a browser.
 *
 * While it exists it is QDesktopServices' handler of `scheme`; another OpenedUrls of the same
 * scheme takes over from it.
 */
class OpenedUrls : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString scheme READ scheme WRITE setScheme NOTIFY schemeChanged)
    Q_PROPERTY(QStringList urls READ urls NOTIFY urlsChanged)

public:
    explicit OpenedUrls(QObject *parent = nullptr);
    ~OpenedUrls() override;

    QString scheme() const { return m_scheme; }
    void setScheme(const QString &scheme);
    QStringList urls() const { return m_urls; }

    Q_INVOKABLE void clear();

public slots:
    /** QDesktopServices calls this instead of opening `url`. */
    void open(const QUrl &url);

signals:
    void schemeChanged();
    void urlsChanged();

private:
    QString m_scheme;
    QStringList m_urls;
};
