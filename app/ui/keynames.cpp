// SPDX-License-Identifier: MIT
#include "ui/keynames.h"

#include <QKeySequence>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {
// One key combination: "Ctrl+Shift+Z", "Ctrl+↑", "Space".
QString nativeCombination(const QString &combination)
{
    const QKeySequence sequence = QKeySequence::fromString(combination, QKeySequence::PortableText);
    if (sequence.count() == 1 && sequence[0].key() != Qt::Key_unknown)
        return sequence.toString(QKeySequence::NativeText);
    return combination; // not a key combination Qt can name
}
} // namespace

QString KeyNames::nativeText(const QString &portable)
{
    QStringList alternatives = portable.split(u" / "_s);
    for (QString &alternative : alternatives)
        alternative = nativeCombination(alternative);
    return alternatives.join(u" / "_s);
}
