package data

import (
	"fmt"
	"reflect"

	"github.com/brochure-dev/brochure/icons"
	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
	"github.com/brochure-dev/brochure/theme"
)

// The format in one table: every key of every YAML mapping, with what it
// fills, how it is checked and how it is used. The decoder (load.go), the
// checks of presence, values, ranges and lengths (validate.go), the JSON
// Schema (schema.go), the changes Diff reports (diff.go) and the texts the
// glyph check and the fonts read (Texts) all walk this table and the Go
// types by reflection, so a field is added here once, beside its Go field.
// TestFieldTable fails for a field that one of them would miss.

// field is one key of a YAML mapping.
type field struct {
	key      string   // as written in the YAML
	goName   string   // the field of the Go type it decodes into
	required bool     // Validate reports it missing (with missing, if given)
	doc      string   // what it is, shown by editors (hover, completion)
	enum     []string // the accepted values, if a fixed set
	pattern  string   // a regular expression the value matches
	examples []string // values an editor offers (with pattern: any matching value is accepted)
	min      *float64 // smallest accepted number
	max      *float64 // largest accepted number
	minItems int      // for lists
	alt      string   // another definition the value may take instead (data: a list, or a file)
	def      any      // the value assumed when the field is absent, where it is not the type's zero (the schema's default)
	short    bool     // a mapping that may be written as its first field alone (logo: emblem.svg)

	// Validate's messages. missing: a required field is absent. bad: the
	// value is outside enum, pattern or min..max, formatted with the value
	// (%q for text, %s for a number as written); a suggestion (" (did you
	// mean …?)") follows for an enum. A field with a constraint but no
	// message is checked by hand (charts, paper sizes, dates, bleed).
	missing, bad string
	file         string // it names a file of this kind ("photo", "font"), which must be in the report's folder
	maxLen       int    // most characters: what fits where it is printed; 0 no limit
	long         string // said after the too-long message

	name    string // what diff calls it, in Chinese ("副标题")
	item    string // a list's item, as messages name it ("stat")
	holes   bool   // a list of numbers keeps a wrong one as NaN, so the rest keep their places
	printed mark   // text: printed in the brochure, so glyph-checked and in the fonts
	diffed  mark   // Diff reports a change of it
	// decode names a decoder (load.go's decoders) that replaces the one
	// of the Go type, for the few fields written otherwise than their type
	// says: a date, a whole number, data as a list or a file.
	decode string
	// scalar: an item may be written as a plain value, which fills the
	// item's first field (a column as its name).
	scalar bool

	at     []int // the Go field's index, for reflect.Value.FieldByIndex
	nested bool  // it holds mappings of the format (a struct or a list of them)
}

// mark is a yes or no that must be given: a field whose use is not
// declared fails TestFieldTable.
type mark uint8

const (
	unset mark = iota
	yes
	no
)

// object is one kind of YAML mapping of the format.
type object struct {
	name   string // its name in the schema's definitions
	goType reflect.Type
	doc    string
	fields []field
	what   string // as messages name it: "a section"

	index   map[string]int // key -> position in fields
	keyList []string       // the keys, in order
}

func num(f float64) *float64 { return &f }

var (
	changes   = []string{"up", "down"}
	languages = locale.Supported
	// languageTag is a BCP 47 tag of a supported language, any region or
	// script (en-GB, zh-Hant-HK, ko-KR); locale.Parse decides the rest.
	languageTag  = `^([Zz][Hh]|[Jj][Aa]|[Kk][Oo]|[Ee][Nn])([-_][A-Za-z0-9]{1,8})*$`
	papers       = []string{"A4", "A5", "B5", "Letter"}
	orientations = []string{"portrait", "landscape"}
	fits         = []string{"cover", "contain"}
	standards    = []string{"screen", "pdf/x-4"}
)

var (
	reportObj = object{name: "report", goType: reflect.TypeFor[Report](), what: "the report", doc: "一份画册的内容：封面字段和各个章节（brochure 报告格式 v1）", fields: []field{
		{key: "title", goName: "Title", required: true, doc: "画册标题，印在封面（大字）和每页页眉。例：宁波公安这一年", name: "标题", printed: yes, diffed: yes, maxLen: 40, long: " (the cover sets it in 46 pt); put the rest in subtitle:",
			missing: `the report has no title; add a line like "title: 2020年度回顾" at the top of the file`},
		{key: "subtitle", goName: "Subtitle", doc: "副标题，例：2020年工作回顾", name: "副标题", printed: yes, diffed: yes, maxLen: 60},
		{key: "organization", goName: "Organization", doc: "单位名称，印在封面和页眉，也是 PDF 的作者", name: "单位", printed: yes, diffed: yes, maxLen: 60},
		{key: "logo", goName: "Logo", doc: "徽标（单位标志），印在封面：SVG（矢量，推荐）、PNG 或 JPEG 文件，路径相对于报告所在文件夹，例：images/emblem.svg；也印在每页页眉时写 {file: images/emblem.svg, header: true}", short: true, decode: "logo"},
		{key: "byline", goName: "Byline", doc: "署名，印在最后，例：记者 张贻富", name: "署名", printed: yes, diffed: yes, maxLen: 100},
		{key: "summary", goName: "Summary", doc: "摘要，一两句话；关键数字少时印在封面上", name: "摘要", printed: yes, diffed: yes, maxLen: 200},
		{key: "date", goName: "Date", doc: "日期，写成 YYYY-MM-DD，例：2021-01-18；印在封面，也是 PDF 的日期（所以每次生成的文件完全相同）", pattern: `^\d{4}-\d{2}-\d{2}$`, name: "日期", printed: no, diffed: yes, decode: "date",
			bad: "%q is not a date in the form YYYY-MM-DD; write it like 2020-12-31"},
		{key: "language", goName: "Language", doc: "语言（BCP 47）：zh-Hans/zh-CN（简体中文，默认）、zh-Hant/zh-TW（繁体，台湾字形）、zh-HK/zh-MO（繁体，香港字形）、ja、ko 或 en（可带地区，如 en-GB：英式断词）；决定字体、自带的词、日期和断行", pattern: languageTag, examples: languages, printed: no, diffed: no},
		{key: "theme", goName: "Theme", doc: "版式设置：风格、纸张和颜色，可省略"},
		{key: "print", goName: "Print", doc: "印刷设置：出血、裁切线、骑马订小册子，可省略；例：{bleed: 3mm, marks: true}"},
		{key: "toc", goName: "TOC", doc: "true：封面后加一页目录（带页码和链接）", printed: no, diffed: no},
		{key: "qr", goName: "QR", doc: "二维码，印在封底（骑马订小册子）或最后一页的页脚，例：{url: https://example.gov.cn/2025, caption: 扫码阅读电子版}"},
		{key: "sections", goName: "Sections", required: true, doc: "章节列表，至少一节；每节以 \"- title: …\" 开始", minItems: 1, item: "section",
			missing: `the report has no sections; add a "sections:" list with at least one "- title: ..." item`},
	}}
	themeObj = object{name: "theme", goType: reflect.TypeFor[Theme](), what: `"theme"`, doc: "版式设置，每一项都可省略", fields: []field{
		{key: "style", goName: "Style", doc: "版式风格：" + theme.Described(false) + "；主色、辅色和字体仍可另设", enum: theme.Names(), printed: no, diffed: no, def: theme.Default,
			bad: "style %q is not a look brochure has; write " + either(theme.Names())},
		{key: "paper", goName: "Paper", doc: "纸张（成品尺寸）：A4（默认）、A5、B5（176×250 毫米）、Letter，或写成 宽x高 毫米，例：\"185x260\"", pattern: `^(A4|A5|B5|Letter|[0-9]+(\.[0-9]+)?x[0-9]+(\.[0-9]+)?)$`, printed: no, diffed: no},
		{key: "orientation", goName: "Orientation", doc: "方向：portrait（竖版，默认）或 landscape（横版）", enum: orientations, printed: no, diffed: no,
			bad: "orientation %q is not supported; write portrait or landscape"},
		{key: "primary", goName: "Primary", doc: "主色（数字、线条、封面色块），写成带引号的 \"#RRGGBB\"、\"cmyk(0, 100, 90, 20)\" 或专色 \"spot(PANTONE 186 C, cmyk(0, 100, 81, 4))\"", pattern: ink.Pattern, printed: no, diffed: no, bad: badColour},
		{key: "accent", goName: "Accent", doc: "辅色（下降的数字），写成带引号的 \"#RRGGBB\" 或 \"cmyk(100, 70, 0, 10)\"，例：\"#1F4E9A\"", pattern: ink.Pattern, printed: no, diffed: no, bad: badColour},
		{key: "indent", goName: "Indent", doc: "正文段首缩进的字数，0 到 4，默认 2", min: num(0), max: num(4), diffed: no,
			bad: "indent %s is outside 0..4 characters; write e.g. indent: 2"},
		{key: "fonts", goName: "Fonts", doc: "自选字体（文件路径或系统字体的名称），可省略：fallback 用来印其他字体缺少的字"},
	}}
	fontsObj = object{name: "fonts", goType: reflect.TypeFor[Fonts](), what: `"theme: fonts"`, doc: "自选字体：.ttf、.otf 或 .ttc 文件（路径相对于报告所在文件夹；.ttc 中的字体用 #序号 或 #名称 选，例：fonts/msyh.ttc#1），或系统已安装字体的名称（例：Noto Sans CJK HK）", fields: []field{
		{key: "regular", goName: "Regular", file: "font", doc: "常规体（正文），代替 Noto Sans SC Regular", printed: no, diffed: no},
		{key: "bold", goName: "Bold", file: "font", doc: "粗体，代替 Noto Sans SC Bold（标题）", printed: no, diffed: no},
		{key: "black", goName: "Black", file: "font", doc: "特粗体，代替 Noto Sans SC Black（大数字）", printed: no, diffed: no},
		{key: "serif", goName: "Serif", file: "font", doc: "宋体（衬线体）正文，例：Noto Serif CJK SC（思源宋体）；不写则正文用黑体", printed: no, diffed: no},
		{key: "fallback", goName: "Fallback", file: "font", doc: "后备字体：其他字体没有的字用它来印；多个用逗号隔开，逐字依次尝试", printed: no, diffed: no},
	}}
	printObj = object{name: "print", goType: reflect.TypeFor[Print](), what: `"print"`, doc: "印刷设置，每一项都可省略", fields: []field{
		{key: "bleed", goName: "Bleed", doc: "出血，例：3mm（印刷厂通常要 3 毫米）；封面色块等满版元素延伸到出血里", pattern: `^[0-9]+(\.[0-9]+)? ?(mm)?$`, printed: no, diffed: no},
		{key: "marks", goName: "Marks", doc: "true：在出血外印裁切线和中线（套版色），页面大小相应加大", diffed: no},
		{key: "booklet", goName: "Booklet", doc: "true：骑马订小册子，页数补足 4 的倍数（补页先排年度关键数字，余下为笔记页，末页为封底），可用 brochure impose 拼版", diffed: no},
		{key: "quality", goName: "Quality", doc: "缩小过大图片时的 JPEG 质量，1 到 100，默认 85", min: num(1), max: num(100), diffed: no,
			bad: "quality %s is outside 1..100; write e.g. quality: 85"},
		{key: "standard", goName: "Standard", doc: "screen（屏幕用 PDF，默认）或 pdf/x-4：交印刷厂的 PDF/X-4（四色印刷：文字只用黑版并叠印，品牌色用 CMYK），同 brochure build --pdfx", enum: standards, printed: no, diffed: no,
			bad: "standard %q is not supported; write pdf/x-4 (for the press) or screen (the default)"},
		{key: "profile", goName: "Profile", doc: "印刷厂的 CMYK 特性文件（.icc），相对于报告文件；不写则用 FOGRA39（铜版纸胶印）", pattern: `(?i)\.ic[cm]$`, printed: no, diffed: no,
			bad: "profile %q is not an .icc file; name the press profile the shop gave you, e.g. profile: ISOcoated_v2_eci.icc"},
	}}
	logoObj = object{name: "logo", goType: reflect.TypeFor[Logo](), what: `"logo"`, doc: "徽标：文件，以及是否也印在页眉", fields: []field{
		{key: "file", goName: "File", required: true, file: "logo", doc: "徽标文件：SVG（矢量，推荐）、PNG 或 JPEG，路径相对于报告所在文件夹，例：images/emblem.svg", name: "徽标", printed: no, diffed: yes,
			missing: `the logo has no file; write logo: images/emblem.svg, or {file: images/emblem.svg, header: true}`},
		{key: "header", goName: "Header", doc: "true：每页页眉也印一个小徽标", diffed: no},
	}}
	sectionObj = object{name: "section", goType: reflect.TypeFor[Section](), what: "a section", doc: "一节：标题、导语、数字、正文、图表和图片", fields: []field{
		{key: "title", goName: "Title", required: true, doc: "本节标题，例：政治建警铸牢忠诚警魂", printed: yes, diffed: yes, maxLen: 60, long: sectionLong,
			missing: `this section has no title; add a "title:" line to it`},
		{key: "icon", goName: "Icon", doc: "图标的名称，印在本节序号旁，例：shield；brochure icons 列出全部图标", enum: icons.Names(), name: "图标", printed: no, diffed: yes, bad: badIcon},
		{key: "headline", goName: "Headline", doc: "导语，其中的数字会印成大字，例：500余场教育活动，1006项个人集体荣誉", printed: yes, diffed: yes, maxLen: 80, long: sectionLong},
		{key: "stats", goName: "Stats", doc: "本节的关键数字，印成数字卡片；第一个数字也上封面", item: "stat"},
		{key: "body", goName: "Body", doc: "正文；写成 \"body: |\" 后另起行缩进书写，段落之间空一行", printed: yes, diffed: yes},
		{key: "charts", goName: "Charts", doc: "图表列表", item: "chart"},
		{key: "photos", goName: "Photos", doc: "图片列表；不写 file 的图片不印（构建时提示），--draft 校样中印成“图片占位”框", item: "photo"},
		{key: "quote", goName: "Quote", doc: "引语，大字印在正文中（第一段之后），带引号和出处，例：{text: 让人民群众安全感更加充实, by: 区委书记 王明}"},
		{key: "qr", goName: "QR", doc: "本节的二维码，印在本节末尾，例：{url: https://example.gov.cn/video, caption: 扫码观看视频}"},
		{key: "tables", goName: "Tables", doc: "表格列表，例：- {title: 各区县警情, columns: [区县, 刑事案件（起）, 同比], rows: [[海曙区, 1234, -5.2%]]}", item: "table"},
		{key: "timeline", goName: "Timeline", doc: "大事记：每项 {date: 2025-01-23, text: …}，按月分组印在一条时间线上", item: "event"},
	}}
	statObj = object{name: "stat", goType: reflect.TypeFor[Stat](), what: "a stat", doc: "一个关键数字，例：{value: 500, unit: 余场, label: 教育活动}", fields: []field{
		{key: "value", goName: "Value", required: true, doc: "数字本身，不加引号、不加千分位逗号，百分号写在 unit 里；例：14.98", min: num(0), diffed: yes,
			missing: `this stat has no value; add a "value:" line with the number, e.g. value: 1006`,
			bad:     "%s is negative; write the size of the figure and show the direction with change: down"},
		{key: "prefix", goName: "Prefix", doc: "数字前的字，例：近", printed: yes, diffed: yes, maxLen: 10},
		{key: "unit", goName: "Unit", doc: "单位，例：余场、%（写成 \"%\"）、万人次、亿元", printed: yes, diffed: yes, maxLen: 10},
		{key: "label", goName: "Label", doc: "这个数字说的是什么，例：教育活动", printed: yes, diffed: yes, maxLen: 40},
		{key: "change", goName: "Change", doc: "变化方向：up（上升）或 down（下降），会画箭头", enum: changes, printed: no, diffed: yes,
			bad: "%q is not a change direction; write up or down, or leave the line out"},
		{key: "note", goName: "Note", doc: "标签下面的一行小字说明，例：同比增长12%", name: "说明", printed: yes, diffed: yes, maxLen: 40},
		{key: "source", goName: "Source", doc: "数字的出处，印在卡片底部的一行小字，例：数据来源：市统计局", name: "来源", printed: yes, diffed: yes, maxLen: 40},
		{key: "icon", goName: "Icon", doc: "图标的名称，印在数字上方，例：users；brochure icons 列出全部图标", enum: icons.Names(), name: "图标", printed: no, diffed: yes, bad: badIcon},
		{key: "format", goName: "Format", doc: "数字写法：auto（万、亿起计，230000000000 → 2300亿）、wan、yi，或 full（照原样全写）；不写时，八位以上的整数或卡片里放不下的整数按 auto 写，正文只以万、亿写出的整数照正文写（正文写12.6万，卡片写12.6万人），带小数的数和一万以下的数照原样", enum: append([]string{"full"}, number.Styles...), name: "数字写法", printed: no, diffed: yes,
			bad: "format %q is not a way of writing a figure; write auto (2300亿), wan, yi or full (230000000000), or leave the line out"},
	}}
	chartObj = object{name: "chart", goType: reflect.TypeFor[Chart](), what: "a chart", doc: "一个图表；type 说它是哪一种，也就决定它用哪些字段（各字段的说明前写着用它的图表）", fields: []field{
		{key: "type", goName: "Type", required: true, printed: no, diffed: yes}, // doc and values from the kinds (chartkind.go)
		{key: "title", goName: "Title", doc: "图表标题", printed: yes, diffed: yes, maxLen: 60},
		{key: "unit", goName: "Unit", doc: "数值后的单位，例：\"%\"", name: "单位", printed: yes, diffed: yes, maxLen: 10},
		{key: "data", goName: "Data", doc: "每项 {label: …, value: …}；或从表格读取 {file: traffic.csv} / {file: stats.xlsx, sheet: 交管, range: A1:B5}", alt: "source", item: "data item", decode: "data"},
		{key: "value", goName: "Value", doc: "部分的数", min: num(0), diffed: yes},
		{key: "total", goName: "Total", doc: "总数", min: num(0), diffed: yes},
		{key: "percent", goName: "Percent", doc: "直接给百分比（不写 % 号），代替 value 和 total", min: num(0), diffed: yes},
		{key: "prefix", goName: "Prefix", doc: "每个数值前的字，例：约", printed: yes, diffed: no},
		{key: "format", goName: "Format", doc: "数值写法：wan（以万为单位，30793000 → 3079.3万）、yi（以亿为单位）、auto（自动）；不写则照原样", enum: number.Styles, printed: no, diffed: no},
		{key: "decimals", goName: "Decimals", doc: "小数位数，例：1", min: num(0), max: num(6), diffed: no, decode: "decimals"},
		{key: "better", goName: "Better", doc: "哪个方向是好消息：lower（下降为好，如事故数）或 higher（上升为好）", enum: []string{"lower", "higher"}, printed: no, diffed: no},
		{key: "series", goName: "Series", doc: "各组（各条线）的名称，例：[刑事案件, 治安案件]；每项数据写 values", item: "series name", printed: yes, diffed: no},
		{key: "highlight", goName: "Highlight", doc: "突出显示的一项，写它的 label，例：2025", printed: no, diffed: no},
		{key: "target", goName: "Target", doc: "目标值，画成一条带标注的虚线，例：40", diffed: no},
		{key: "zero", goName: "Zero", doc: "写 false 时数值轴不从 0 开始，轴上画截断符号；默认从 0 开始", def: true, diffed: no},
		{key: "note", goName: "Note", doc: "图表下的一行小字，说数据从哪里来，例：数据来源：市统计局", name: "图表注", printed: yes, diffed: yes, maxLen: 120},
		{key: "alt", goName: "Alt", doc: "替代文字：读屏软件代替图表读出的一段话；不写则由数据自动生成（图表类型、标题、单位、各项数值、最大最小），用 brochure charts --alt 查看", name: "替代文字", printed: no, diffed: yes},
	}}
	pointObj = object{name: "point", goType: reflect.TypeFor[Point](), what: "a data item", doc: "图表的一项数据，例：{label: 事故数, value: 14.98}", fields: []field{
		{key: "label", goName: "Label", required: true, doc: "这一项的名称", printed: yes, diffed: yes, maxLen: 40},
		{key: "value", goName: "Value", doc: "这一项的数值（grouped 用 values）", diffed: yes},
		{key: "unit", goName: "Unit", doc: "这一项自己的单位，优先于图表的 unit", printed: yes, diffed: yes, maxLen: 10},
		{key: "values", goName: "Values", doc: "grouped、有 series 的 line 和 area：每组一个数值，顺序同 series", item: "value", holes: true, diffed: no},
	}}
	quoteObj = object{name: "quote", goType: reflect.TypeFor[Quote](), what: `"quote"`, doc: "引语：一句话和说话的人；引号由画册按语言加上（简体“”，繁体「」）", fields: []field{
		{key: "text", goName: "Text", required: true, doc: "引语原文，不必加引号，例：让人民群众的安全感更加充实、更有保障", name: "引语", printed: yes, diffed: yes, maxLen: 120, long: "; a pull quote is a sentence: put the rest in body:",
			missing: `this quote has no text; add "text:" with the words quoted, e.g. quote: {text: 让人民群众安全感更加充实, by: 区委书记 王明}`},
		{key: "by", goName: "By", doc: "出处：谁说的，例：区委书记 王明", name: "引语出处", printed: yes, diffed: yes, maxLen: 40},
	}}
	qrObj = object{name: "qr", goType: reflect.TypeFor[QR](), what: `"qr"`, doc: "二维码：手机扫码打开的网址和旁边的一行字", fields: []field{
		{key: "url", goName: "URL", required: true, doc: "网址，以 http:// 或 https:// 开头，例：https://www.example.gov.cn/2025；越短二维码越容易扫", pattern: `^(?i:https?)://[^\s]+$`, name: "二维码网址", printed: yes, diffed: yes, maxLen: 300, long: "; a phone reads a shorter address more easily: use a short link",
			missing: `this QR code has no address; add "url:" with the web page it leads to, e.g. url: https://www.example.gov.cn/2025`,
			bad:     "%q is not a web address a phone can open from a QR code; write one that starts with https:// (or http://), e.g. https://www.example.gov.cn/2025"},
		{key: "caption", goName: "Caption", doc: "二维码旁的一行字，例：扫码阅读电子版", name: "二维码说明", printed: yes, diffed: yes, maxLen: 40},
	}}
	sourceObj = object{name: "source", goType: reflect.TypeFor[Source](), what: "a data file", doc: "从表格文件读取图表数据：CSV（UTF-8 或 GBK）或 Excel（.xlsx）", fields: []field{
		{key: "file", goName: "File", required: true, doc: "文件，路径相对于报告所在文件夹，例：traffic.csv 或 stats.xlsx", printed: no, diffed: no},
		{key: "sheet", goName: "Sheet", doc: "xlsx：工作表名称，默认第一张", printed: no, diffed: no},
		{key: "range", goName: "Range", doc: "xlsx：区域，例：A1:B5；默认已用区域", pattern: `^[A-Za-z]+[0-9]+:[A-Za-z]+[0-9]+$`, printed: no, diffed: no},
		{key: "encoding", goName: "Encoding", doc: "csv：编码，不写则自动识别；utf-8 或 gbk", enum: []string{"utf-8", "gbk"}, printed: no, diffed: no},
	}}
	tableObj = object{name: "table", goType: reflect.TypeFor[Table](), what: "a table", doc: "一张表格：标题、列、行；数字右对齐到小数点，长表跨页时重复表头", fields: []field{
		{key: "title", goName: "Title", doc: "表格标题，例：各区县主要警情", name: "表格标题", printed: yes, diffed: yes, maxLen: 60},
		{key: "columns", goName: "Columns", doc: "各列：写列名，单位写在括号里，例：[区县, 刑事案件（起）, 同比]；需要更多设置的列写成 {name: 同比, better: lower}。第一列是各行的名称", item: "column", scalar: true},
		{key: "rows", goName: "Rows", doc: "各行，每行一个方括号，格数同列数，例：- [海曙区, 1234, -5.2%]；没有数字的格写 —；或从表格读取 {file: districts.csv} / {file: stats.xlsx, sheet: 分局, range: A1:C17}（第一行是表头）", alt: "source", item: "row", decode: "rows", name: "表格数据", printed: yes, diffed: yes},
		{key: "total", goName: "Total", doc: "true：最后加一行合计，各数字列相加（百分数列不相加，留空）", name: "合计行", diffed: yes},
		{key: "note", goName: "Note", doc: "表下的一行小字，例：数据来源：市公安局", name: "表注", printed: yes, diffed: yes, maxLen: 120},
	}}
	columnObj = object{name: "column", goType: reflect.TypeFor[Column](), what: "a column", doc: "表格的一列；只有列名时直接写列名", fields: []field{
		{key: "name", goName: "Name", required: true, doc: "列名，例：刑事案件（括号里的单位另起一行小字印出）", name: "列名", printed: yes, diffed: yes, maxLen: 30,
			missing: `this column has no name; write it like {name: 同比, better: lower}, or just its name`},
		{key: "unit", goName: "Unit", doc: "单位，印在列名下，例：起、%、万元", name: "单位", printed: yes, diffed: yes, maxLen: 10},
		{key: "better", goName: "Better", doc: "变化列：哪个方向是好消息：lower（下降为好，如案件数的同比）或 higher（上升为好）；负数印 ▼、正数印 ▲，好消息和坏消息颜色不同", enum: []string{"lower", "higher"}, printed: no, diffed: no,
			bad: "%q is not a direction; write better: lower (a fall is good news) or better: higher"},
		{key: "bar", goName: "Bar", doc: "true：每个数字旁画一条横条，长短与数值成正比，最大的一条用主色（用于 0 及以上的数字列）", diffed: no},
		{key: "sum", goName: "Sum", doc: "false：合计行不把这一列相加（平均数、中位数、比率）；单位是 % 或 ‰ 的列本来就不相加", def: true, diffed: no},
	}}
	eventObj = object{name: "event", goType: reflect.TypeFor[Event](), what: "a timeline entry", doc: "大事记的一项，例：{date: 2025-01-23, text: 全市公安机关召开年度工作会议}", fields: []field{
		{key: "date", goName: "Date", required: true, doc: "日期，写成 YYYY-MM-DD（例：2025-01-23），只知道月份时写 YYYY-MM", pattern: eventDatePattern, name: "日期", printed: no, diffed: yes, decode: "date",
			missing: `this entry has no date; add "date: 2025-01-23"`,
			bad:     "%q is not a date in the form YYYY-MM-DD (or YYYY-MM for a month); write it like 2025-01-23"},
		{key: "text", goName: "Text", required: true, doc: "这一天的事，一两句话", name: "内容", printed: yes, diffed: yes, maxLen: 200, long: "; a timeline entry is a sentence or two",
			missing: `this entry has no text; add "text: …" with what happened`},
	}}
	photoObj = object{name: "photo", goType: reflect.TypeFor[Photo](), what: "a photo", doc: "一张图片和图注", fields: []field{
		{key: "file", goName: "File", file: "photo", doc: "图片文件（JPEG 或 PNG），路径相对于报告所在文件夹，例：photos/traffic.jpg；不写则不印这张图片和图注（构建时提示），--draft 校样中印“图片占位”框", printed: no, diffed: yes},
		{key: "caption", goName: "Caption", doc: "图注，例：民警在重要交通路口指挥疏导交通", printed: yes, diffed: yes, maxLen: 200, long: "; say more in the body"},
		{key: "focus", goName: "Focus", doc: "裁切时保留的重点，[x, y]，从左上角算起 0 到 1，例：[0.5, 0.2]；默认 [0.5, 0.33]，上方少裁、下方多裁，人像的头部不被裁掉", min: num(0), max: num(1), item: "number", diffed: no,
			bad: "%s is outside 0..1; 0 is the left (top) edge, 1 the right (bottom)"},
		{key: "alt", goName: "Alt", doc: "替代文字：为看不见图片的读者说明图片上是什么，例：民警在雨中的十字路口指挥车辆；图注不能代替它", name: "替代文字", printed: no, diffed: yes},
		{key: "fit", goName: "Fit", doc: "cover（默认）：图框随图片横竖，图片铺满图框；contain：整张图片放进 3:2 的图框，不裁切", enum: fits, printed: no, diffed: no,
			bad: "%q is not a way to fit a photo; write cover (fill its frame) or contain (show all of it)"},
	}}
)

// Messages that several fields share.
const (
	badColour   = `colour %q is not "#RRGGBB", "cmyk(c, m, y, k)" or "spot(NAME, cmyk(c, m, y, k))"; e.g. "#B5121B" or "cmyk(0, 100, 90, 20)"`
	sectionLong = "; the text of the section belongs in body:"
	badIcon     = "there is no icon %q; brochure icons lists the names (brochure icons --sheet icons.pdf draws them all)"
)

// objects is every kind of mapping, the report first.
var objects = []*object{&reportObj, &themeObj, &printObj, &fontsObj, &sectionObj, &statObj, &chartObj, &pointObj, &sourceObj, &photoObj, &quoteObj, &qrObj, &logoObj, &tableObj, &columnObj, &eventObj}

// notInYAML are exported Go fields that no YAML key fills.
var notInYAML = map[reflect.Type][]string{
	reflect.TypeFor[Report](): {"File", "Dir"},
	reflect.TypeFor[Chart]():  {"Source"}, // from data: {file: …}
	reflect.TypeFor[Point]():  {"From"},
	reflect.TypeFor[Table]():  {"Source", "From"}, // from rows: {file: …}
}

// objectOf is the object of each Go type of the format.
var objectOf = map[reflect.Type]*object{}

func init() {
	for _, o := range objects {
		o.index = map[string]int{}
		for j, f := range o.fields {
			o.index[f.key] = j
			sf, ok := o.goType.FieldByName(f.goName)
			if !ok {
				panic(fmt.Sprintf("data: field table: key %q of %s names Go field %s, which %s does not have", f.key, o.name, f.goName, o.goType))
			}
			t := sf.Type
			for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			o.fields[j].at = sf.Index
			o.fields[j].nested = t.Kind() == reflect.Struct && t != reflect.TypeFor[Number]()
			o.keyList = append(o.keyList, f.key)
		}
		objectOf[o.goType] = o
	}
}

// field returns the field of key.
func (o *object) field(key string) *field { return &o.fields[o.index[key]] }

// keys returns the keys of o, in order.
func (o *object) keys() []string { return o.keyList }
