// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

/**
 * @brief Shortcuts as the user's language writes them (singleton `KeyNames`).
 *
 * The menus and the F1 sheet name shortcuts in Qt's portable form ("Ctrl+Shift+Z", also
 * "Ctrl+↑ / Ctrl+↓" for alternatives). nativeText() gives what QKeySequence::NativeText would,
 * through Qt's own translations (qt_<lang>, loaded by Translations): "Strg+Umschalt+Z" in German.
 * Text that is not a key combination stays as it is.
 */
class KeyNames : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    Q_INVOKABLE static QString nativeText(const QString &portable);
};
