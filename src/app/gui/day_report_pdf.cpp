#include "app/gui/day_report_pdf.h"

#include "app/gui/day_charts.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace simkyc::app {
namespace {

constexpr int kDpi = 150;

struct Column {
    const char *title;
    double width; // share of the page width
};

const Column kColumns[] = {
    {QT_TRANSLATE_NOOP("DayReport", "Time"), 0.07},     {QT_TRANSLATE_NOOP("DayReport", "Clerk"), 0.11},
    {QT_TRANSLATE_NOOP("DayReport", "Name"), 0.08},     {QT_TRANSLATE_NOOP("DayReport", "ID number"), 0.19},
    {QT_TRANSLATE_NOOP("DayReport", "Outcome"), 0.13},  {QT_TRANSLATE_NOOP("DayReport", "Distance"), 0.08},
    {QT_TRANSLATE_NOOP("DayReport", "Liveness"), 0.08}, {QT_TRANSLATE_NOOP("DayReport", "Upload"), 0.11},
    {QT_TRANSLATE_NOOP("DayReport", "Review"), 0.15},
};

QStringList cellsOf(const DayRow &r)
{
    return {r.time,     r.clerk,     r.name,
            r.idNumber, r.outcome,   r.distance,
            r.liveness, r.syncState, r.review.isEmpty() ? QStringLiteral("-") : r.review};
}

class Page {
public:
    Page(QPdfWriter &writer, QPainter &painter, const DayReport &report)
        : m_writer(writer), m_painter(painter), m_report(report), m_area(painter.viewport())
    {
        m_body.setPointSizeF(9);
        m_small.setPointSizeF(7.5);
        m_title.setPointSizeF(16);
        m_title.setBold(true);
        m_heading.setPointSizeF(11);
        m_heading.setBold(true);
        m_y = m_area.top();
    }

    // A paragraph in `font`, wrapped to the page width; a new page first when it does not fit.
    void paragraph(const QString &text, const QFont &font, double gapAfter = 0.3)
    {
        m_painter.setFont(font);
        const QRectF bounds =
            m_painter.boundingRect(QRectF(m_area.left(), 0, m_area.width(), 1e6), Qt::TextWordWrap, text);
        if (m_y + bounds.height() > bottom())
            newPage();
        m_painter.drawText(QRectF(m_area.left(), m_y, m_area.width(), bounds.height()), Qt::TextWordWrap, text);
        m_y += bounds.height() + lineHeight(font) * gapAfter;
    }

    // A heading and its lines, when there are lines (the per-clerk signals, the SIM reconciliation).
    void section(const QString &heading, const QStringList &lines)
    {
        if (lines.isEmpty())
            return;
        paragraph(heading, m_heading, 0.2);
        for (qsizetype i = 0; i < lines.size(); ++i)
            paragraph(lines[i], m_body, i + 1 == lines.size() ? 0.8 : 0.1);
    }

    void charts()
    {
        const double gap = mm(4);
        const double height = m_area.width() * 0.4;
        if (m_y + height * 2 + gap > bottom())
            newPage();
        drawDayChart(DayChartKind::Hourly, m_report.statistics, m_painter,
                     QRectF(m_area.left(), m_y, m_area.width(), height), m_body);
        m_y += height + gap;
        // The histogram's ten bins need the wider part for their labels.
        const double pie = (m_area.width() - gap) * 0.42;
        drawDayChart(DayChartKind::Outcomes, m_report.statistics, m_painter, QRectF(m_area.left(), m_y, pie, height),
                     m_body);
        drawDayChart(DayChartKind::Distances, m_report.statistics, m_painter,
                     QRectF(m_area.left() + pie + gap, m_y, m_area.width() - pie - gap, height), m_body);
        m_y += height + gap;
    }

    void table()
    {
        paragraph(QCoreApplication::translate("DayReport", "Registrations (%1)").arg(m_report.rows.size()), m_heading);
        header();
        bool shaded = false;
        for (const DayRow &r : m_report.rows) {
            const double height = lineHeight(m_small) * 1.5;
            if (m_y + height > bottom()) {
                newPage();
                header();
            }
            if (shaded)
                m_painter.fillRect(QRectF(m_area.left(), m_y, m_area.width(), height), QColor(0xf0, 0xf0, 0xf0));
            shaded = !shaded;
            cells(cellsOf(r), m_small, height);
        }
    }

    void finish() { footer(); }
    QFont m_body, m_small, m_title, m_heading;

private:
    [[nodiscard]] double mm(double millimetres) const { return millimetres * kDpi / 25.4; }
    [[nodiscard]] double bottom() const { return m_area.bottom() - mm(10); }
    [[nodiscard]] double lineHeight(const QFont &font) const
    {
        return QFontMetricsF(font, m_painter.device()).lineSpacing();
    }

    void header()
    {
        QFont bold = m_small;
        bold.setBold(true);
        const double height = lineHeight(bold) * 1.6;
        QStringList titles;
        for (const Column &c : kColumns)
            titles << QCoreApplication::translate("DayReport", c.title);
        cells(titles, bold, height);
        m_painter.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
    }

    void cells(const QStringList &texts, const QFont &font, double height)
    {
        m_painter.setFont(font);
        double x = m_area.left();
        for (int i = 0; i < texts.size(); ++i) {
            const double width = m_area.width() * kColumns[i].width;
            const QString text =
                QFontMetricsF(font, m_painter.device()).elidedText(texts[i], Qt::ElideRight, width - mm(1));
            m_painter.drawText(QRectF(x + mm(0.5), m_y, width - mm(1), height), Qt::AlignVCenter | Qt::AlignLeft, text);
            x += width;
        }
        m_y += height;
    }

    void footer()
    {
        m_painter.setFont(m_small);
        m_painter.drawText(QRectF(m_area.left(), m_area.bottom() - mm(6), m_area.width(), mm(6)),
                           Qt::AlignRight | Qt::AlignBottom,
                           QCoreApplication::translate("DayReport", "SimKYC day report %1 - page %2")
                               .arg(m_report.date)
                               .arg(m_pageNumber));
    }

    void newPage()
    {
        footer();
        m_writer.newPage();
        ++m_pageNumber;
        m_y = m_area.top();
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    const DayReport &m_report;
    QRect m_area;
    double m_y = 0;
    int m_pageNumber = 1;
};

} // namespace

Result<QByteArray> renderDayReportPdf(const DayReport &report)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Internal, "cannot open a memory buffer for the PDF"};
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 12),
                                         QPageLayout::Millimeter));
        writer.setTitle(QStringLiteral("SimKYC day report %1").arg(report.date));
        writer.setCreator(QStringLiteral("SimKYC"));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{ErrorCode::IoError, "the PDF writer could not start a page"};
        Page page(writer, painter, report);
        page.paragraph(QCoreApplication::translate("DayReport", "Day report %1").arg(report.date), page.m_title, 0.2);
        page.paragraph(
            QCoreApplication::translate("DayReport", "Generated %1 by %2. Customer names and ID numbers are masked.")
                .arg(report.generatedAt, report.generatedBy),
            page.m_body);
        page.paragraph(QCoreApplication::translate("DayReport", "Registrations: %1.").arg(report.rows.size()) +
                           QLatin1Char(' ') + report.figures,
                       page.m_body, 0.6);
        page.charts();
        page.paragraph(report.syncHealth, page.m_body);
        for (const QString &parked : report.parked)
            page.paragraph(QCoreApplication::translate("DayReport", "Parked: %1").arg(parked), page.m_body, 0.1);
        page.paragraph(report.auditChain, page.m_body, 0.8);
        page.section(QCoreApplication::translate("DayReport", "Clerks"), report.clerkSignals);
        page.section(QCoreApplication::translate("DayReport", "SIM reconciliation (ICCIDs masked)"),
                     report.simReconciliation);
        page.table();
        page.finish();
        if (!painter.end())
            return Error{ErrorCode::IoError, "the PDF could not be finished"};
    }
    return bytes;
}

} // namespace simkyc::app
