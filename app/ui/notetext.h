// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

/**
 * @brief A todo's notes (plain text) as rich text for a QML Text: escaped, line breaks and
 * spaces kept, web and mail addresses as links.
 *
 * Built here rather than in QML so that the escaping is in one tested place: nothing of the
 * notes is ever read as markup. Addresses are `http://`, `https://`, `mailto:` and `www.`
 * (linked as https); trailing punctuation (`.`, `,`, `;`, `:`, `!`, `?`, a `)` without its `(`)
 * is not part of the address.
 */
class NoteText : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit NoteText(QObject *parent = nullptr);

    /** Rich text for `notes`; "" for notes of white space only. */
    Q_INVOKABLE static QString toHtml(const QString &notes);
    /** The first line of `notes`, trimmed (a tooltip or a preview). */
    Q_INVOKABLE static QString firstLine(const QString &notes);
};
