import Foundation

/// The report's charts, drawn as inline SVG by hand: no script, no library, nothing fetched. Each chart is
/// an `<svg>` with an id (what scripts/check-report looks for) and a title; a chart without data says so
/// inside its frame instead of disappearing, so a missing section is visible, not silent.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Int
        var color: String
        var note: String = ""
    }

    struct Series {
        var name: String
        var color: String
    }

    /// A qualitative palette that stays distinguishable on white (Tableau 10).
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static let width = 560.0

    static func frame(id: String, height: Double, body: String) -> String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Markup.n(width))\" height=\"\(Markup.n(height))\" viewBox=\"0 0 \(Markup.n(width)) \(Markup.n(height))\" role=\"img\">\(body)</svg>"
    }

    static func empty(id: String, message: String) -> String {
        frame(id: id, height: 80, body: """
            <rect x="0.5" y="0.5" width="\(Markup.n(width - 1))" height="79" fill="#fafafa" stroke="#ddd"/>\
            <text x="\(Markup.n(width / 2))" y="45" text-anchor="middle" class="muted">\(Markup.escape(message))</text>
            """)
    }

    /// Horizontal bars, one row per item, the value written at the bar's end.
    static func horizontalBars(id: String, bars: [Bar], emptyMessage: String) -> String {
        guard !bars.isEmpty, bars.contains(where: { $0.value > 0 }) else { return empty(id: id, message: emptyMessage) }
        let row = 22.0, labelWidth = 200.0, right = 60.0
        let most = Double(bars.map(\.value).max() ?? 1)
        var body = ""
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * row + 4
            let length = max(1, (width - labelWidth - right) * Double(bar.value) / most)
            body += "<text x=\"\(Markup.n(labelWidth - 6))\" y=\"\(Markup.n(y + 14))\" text-anchor=\"end\">\(Markup.escape(Markup.clip(bar.label, 27)))</text>"
            body += "<rect x=\"\(Markup.n(labelWidth))\" y=\"\(Markup.n(y + 2))\" width=\"\(Markup.n(length))\" height=\"\(Markup.n(row - 6))\" fill=\"\(bar.color)\"><title>\(Markup.escape(bar.label)): \(bar.value)\(Markup.escape(bar.note))</title></rect>"
            body += "<text x=\"\(Markup.n(labelWidth + length + 4))\" y=\"\(Markup.n(y + 14))\">\(bar.value)</text>"
        }
        return frame(id: id, height: Double(bars.count) * row + 8, body: body)
    }

    /// Vertical bars over labelled categories (a histogram), with a value above each bar.
    static func columns(id: String, bars: [Bar], emptyMessage: String) -> String {
        guard bars.contains(where: { $0.value > 0 }) else { return empty(id: id, message: emptyMessage) }
        let height = 220.0, top = 18.0, bottom = 44.0, left = 10.0
        let slot = (width - 2 * left) / Double(bars.count)
        let most = Double(bars.map(\.value).max() ?? 1)
        var body = "<line x1=\"\(Markup.n(left))\" y1=\"\(Markup.n(height - bottom))\" x2=\"\(Markup.n(width - left))\" y2=\"\(Markup.n(height - bottom))\" stroke=\"#999\"/>"
        for (i, bar) in bars.enumerated() {
            let h = (height - top - bottom) * Double(bar.value) / most
            let x = left + Double(i) * slot
            body += "<rect x=\"\(Markup.n(x + 3))\" y=\"\(Markup.n(height - bottom - h))\" width=\"\(Markup.n(slot - 6))\" height=\"\(Markup.n(h))\" fill=\"\(bar.color)\"><title>\(Markup.escape(bar.label)): \(bar.value)</title></rect>"
            body += "<text x=\"\(Markup.n(x + slot / 2))\" y=\"\(Markup.n(height - bottom - h - 4))\" text-anchor=\"middle\">\(bar.value)</text>"
            body += "<text x=\"\(Markup.n(x + slot / 2))\" y=\"\(Markup.n(height - bottom + 16))\" text-anchor=\"middle\" class=\"small\">\(Markup.escape(bar.label))</text>"
        }
        return frame(id: id, height: height, body: body)
    }

    /// Columns stacked by series: `values[category][series]`. Category labels are thinned to stay legible.
    static func stackedColumns(id: String, categories: [String], series: [Series], values: [[Int]], emptyMessage: String) -> String {
        guard !categories.isEmpty else { return empty(id: id, message: emptyMessage) }
        let legendRows = Double((series.count + 2) / 3)
        let height = 240.0 + legendRows * 18, top = 14.0, plot = 170.0, left = 56.0
        let slot = (width - left - 8) / Double(categories.count)
        let most = Double(values.map { $0.reduce(0, +) }.max() ?? 1)
        var body = "<line x1=\"\(Markup.n(left))\" y1=\"\(Markup.n(top + plot))\" x2=\"\(Markup.n(width - 8))\" y2=\"\(Markup.n(top + plot))\" stroke=\"#999\"/>"
        body += "<text x=\"\(Markup.n(left - 4))\" y=\"\(Markup.n(top + 8))\" text-anchor=\"end\" class=\"small\">\(Int(most))</text>"
        body += "<text x=\"\(Markup.n(left - 4))\" y=\"\(Markup.n(top + plot))\" text-anchor=\"end\" class=\"small\">0</text>"
        let labelEvery = max(1, Int((Double(categories.count) / 12).rounded(.up)))
        for (i, category) in categories.enumerated() {
            var y = top + plot
            let x = left + Double(i) * slot
            for (s, value) in values[i].enumerated() where value > 0 {
                let h = plot * Double(value) / most
                y -= h
                body += "<rect x=\"\(Markup.n(x + 1))\" y=\"\(Markup.n(y))\" width=\"\(Markup.n(max(1, slot - 2)))\" height=\"\(Markup.n(h))\" fill=\"\(series[s].color)\"><title>\(Markup.escape(category)) · \(Markup.escape(series[s].name)): \(value)</title></rect>"
            }
            if i % labelEvery == 0 {
                body += "<text x=\"\(Markup.n(x + slot / 2))\" y=\"\(Markup.n(top + plot + 14))\" text-anchor=\"end\" class=\"small\" transform=\"rotate(-35 \(Markup.n(x + slot / 2)) \(Markup.n(top + plot + 14)))\">\(Markup.escape(category))</text>"
            }
        }
        body += legend(series, y: top + plot + 52)
        return frame(id: id, height: height, body: body)
    }

    /// Shares of a whole as a ring, with a legend giving each share.
    static func donut(id: String, slices: [Bar], emptyMessage: String) -> String {
        let total = slices.reduce(0) { $0 + $1.value }
        guard total > 0 else { return empty(id: id, message: emptyMessage) }
        let cx = 110.0, cy = 110.0, r = 90.0, inner = 52.0
        var body = ""
        var angle = -Double.pi / 2
        for slice in slices where slice.value > 0 {
            let sweep = 2 * Double.pi * Double(slice.value) / Double(total)
            let title = "<title>\(Markup.escape(slice.label)): \(slice.value)</title>"
            if slice.value == total {
                body += "<circle cx=\"\(Markup.n(cx))\" cy=\"\(Markup.n(cy))\" r=\"\(Markup.n((r + inner) / 2))\" fill=\"none\" stroke=\"\(slice.color)\" stroke-width=\"\(Markup.n(r - inner))\">\(title)</circle>"
                break
            }
            let end = angle + sweep
            let large = sweep > Double.pi ? 1 : 0
            func point(_ radius: Double, _ a: Double) -> String { "\(Markup.n(cx + radius * cos(a))) \(Markup.n(cy + radius * sin(a)))" }
            body += "<path d=\"M\(point(r, angle)) A\(Markup.n(r)) \(Markup.n(r)) 0 \(large) 1 \(point(r, end)) L\(point(inner, end)) A\(Markup.n(inner)) \(Markup.n(inner)) 0 \(large) 0 \(point(inner, angle)) Z\" fill=\"\(slice.color)\">\(title)</path>"
            angle = end
        }
        for (i, slice) in slices.enumerated() {
            let y = 24.0 + Double(i) * 20
            let share = 100 * Double(slice.value) / Double(total)
            body += "<rect x=\"240\" y=\"\(Markup.n(y - 11))\" width=\"12\" height=\"12\" fill=\"\(slice.color)\"/>"
            body += "<text x=\"258\" y=\"\(Markup.n(y))\">\(Markup.escape(Markup.clip(slice.label, 28))) · \(slice.value) (\(Markup.n(share))%)</text>"
        }
        return frame(id: id, height: max(220, 24 + Double(slices.count) * 20), body: body)
    }

    static func legend(_ series: [Series], y: Double) -> String {
        var body = ""
        for (i, s) in series.enumerated() {
            let x = 10.0 + Double(i % 3) * 183
            let row = y + Double(i / 3) * 18
            body += "<rect x=\"\(Markup.n(x))\" y=\"\(Markup.n(row - 10))\" width=\"11\" height=\"11\" fill=\"\(s.color)\"/>"
            body += "<text x=\"\(Markup.n(x + 15))\" y=\"\(Markup.n(row))\" class=\"small\">\(Markup.escape(Markup.clip(s.name, 26)))</text>"
        }
        return body
    }
}
