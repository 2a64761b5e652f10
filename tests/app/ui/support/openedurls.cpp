// SPDX-License-Identifier: MIT
#include "openedurls.h"

#include <QDesktopServices>

OpenedUrls::OpenedUrls(QObject *parent)
    : QObject(parent)
{ }

OpenedUrls::~OpenedUrls()
{
    if (!m_scheme.isEmpty())
        QDesktopServices::unsetUrlHandler(m_scheme);
}

void OpenedUrls::setScheme(const QString &scheme)
{
    if (scheme == m_scheme)
        return;
    if (!m_scheme.isEmpty())
        QDesktopServices::unsetUrlHandler(m_scheme);
    m_scheme = scheme;
    if (!m_scheme.isEmpty())
        QDesktopServices::setUrlHandler(m_scheme, this, "open");
    emit schemeChanged();
}

void OpenedUrls::clear()
{
    if (m_urls.isEmpty())
        return;
    m_urls.clear();
    emit urlsChanged();
}

void OpenedUrls::open(const QUrl &url)
{
    m_urls.append(url.toString());
    emit urlsChanged();
}
