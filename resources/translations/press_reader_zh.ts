<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleView</name>
    <message>
        <source>Continued from page %1</source>
        <translation>接第%1版</translation>
    </message>
    <message>
        <source>Continued from: %1</source>
        <translation>接上文：%1</translation>
    </message>
    <message>
        <source>Title derived from the first sentence</source>
        <translation>标题取自正文首句</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1（推断）</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>Unknown date</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Continued on page %1</source>
        <translation>下转第%1版</translation>
    </message>
    <message>
        <source>Continued in: %1</source>
        <translation>下转：%1</translation>
    </message>
</context>
<context>
    <name>EntityControl</name>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Highlight Entities</source>
        <translation>高亮实体</translation>
    </message>
    <message>
        <source>Finding entities failed: %1</source>
        <translation>识别实体失败：%1</translation>
    </message>
    <message>
        <source>mentioned in %1 articles</source>
        <translation>%1 篇文章提及</translation>
    </message>
    <message>
        <source>The correction applies until you quit; it could not be saved: %1</source>
        <translation>这项更正在退出前有效，但无法保存：%1</translation>
    </message>
    <message>
        <source>not an entity</source>
        <translation>非实体</translation>
    </message>
    <message>
        <source>“%1” is now %2 everywhere.</source>
        <translation>“%1”已在所有文章中标为%2。</translation>
    </message>
    <message>
        <source>Show All Mentions of “%1”</source>
        <translation>显示“%1”的全部提及</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <source>%1 · %2 · %3 mentions in %4 articles</source>
        <translation>%1 · %2 · %4 篇文章中提及 %3 次</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <source>Show or hide highlights of this type</source>
        <translation>显示或隐藏此类高亮</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Marks</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>&amp;All marks (%1)</source>
        <translation>全部标注（%1）(&amp;A)</translation>
    </message>
    <message>
        <source>Marks shown in the &amp;pane (%1)</source>
        <translation>标注栏中显示的标注（%1）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Selected marks (%1)</source>
        <translation>选中的标注（%1）(&amp;S)</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV，可用 Excel 打开 (.csv)</translation>
    </message>
    <message>
        <source>JSON, for backup and re-import (.json)</source>
        <translation>JSON，用于备份和重新导入 (.json)</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word 文档 (.docx)</translation>
    </message>
    <message>
        <source>Web page (.html)</source>
        <translation>网页 (.html)</translation>
    </message>
    <message>
        <source>GB/T 7714 (author. title[N]. paper, date(page).)</source>
        <translation>GB/T 7714（作者. 题名[N]. 报纸名, 日期(版次).）</translation>
    </message>
    <message>
        <source>Plain (source, date, title)</source>
        <translation>简单（来源, 日期, 标题）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Marks:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Citation:</source>
        <translation>引文格式(&amp;C)：</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>保存到(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>Unknown date</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1（推断）</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (inferred from the text, not printed)</source>
        <translation>%1（据正文推断，版面未印）</translation>
    </message>
    <message>
        <source>Title derived from the first sentence</source>
        <translation>标题取自正文首句</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Press Reader</source>
        <translation>报刊阅读器</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Another Press Reader is already using the data folder %1 and did not answer.</source>
        <translation>另一个报刊阅读器正在使用数据文件夹 %1，且没有响应。</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be written (%2).</source>
        <translation>数据文件夹 %1 无法写入（%2）。</translation>
    </message>
    <message>
        <source>This window opens it read-only: the search index is built for this session, marks you make last until you quit (export them with File → Export Marks), and settings, added folders and corrections are not saved.</source>
        <translation>本窗口以只读方式打开它：搜索索引只为本次使用而建立；新做的标注在退出前有效（请用“文件 → 导出标注”导出）；设置、添加的文件夹和更正都不会保存。</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>Show &amp;Problems…</source>
        <translation>查看问题(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Edit Source and &amp;Date…</source>
        <translation>编辑来源和日期(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <source>Go to Article &amp;List</source>
        <translation>转到文章列表(&amp;L)</translation>
    </message>
    <message>
        <source>Go to &amp;Reader</source>
        <translation>转到阅读区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Filter Articles</source>
        <translation>筛选文章(&amp;F)</translation>
    </message>
    <message>
        <source>Show Page as P&amp;rinted</source>
        <translation>显示版面原文(&amp;R)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Newest First</source>
        <translation>最新在前(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Search All Pages</source>
        <translation>搜索全部版面(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find in Article</source>
        <translation>在文中查找(&amp;F)</translation>
    </message>
    <message>
        <source>Next &amp;Hit</source>
        <translation>下一处(&amp;H)</translation>
    </message>
    <message>
        <source>Previous H&amp;it</source>
        <translation>上一处(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Press Reader</source>
        <translation>关于报刊阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Filter by title or source (Ctrl+L)</source>
        <translation>按标题或来源筛选 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Another launch of Press Reader was handed to this window.</source>
        <translation>又一次启动的报刊阅读器已转交给本窗口。</translation>
    </message>
    <message>
        <source>Indexing for search… %1 of %2 articles</source>
        <translation>正在建立搜索索引… %1 / %2 篇</translation>
    </message>
    <message>
        <source>Search ready: %1 articles indexed.</source>
        <translation>搜索已就绪：已索引 %1 篇文章。</translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>建立索引失败：%1</translation>
    </message>
    <message>
        <source>No hits in this article.</source>
        <translation>本文中没有匹配。</translation>
    </message>
    <message>
        <source>Loading pages…</source>
        <translation>正在载入版面…</translation>
    </message>
    <message>
        <source>Loading pages… %1 of %2</source>
        <translation>正在载入版面… %1 / %2</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>载入失败：%1</translation>
    </message>
    <message>
        <source>Loaded %1 articles from %2 pages.</source>
        <translation>已从 %2 个版面载入 %1 篇文章。</translation>
    </message>
    <message>
        <source>Finding people, places and organisations… %1%</source>
        <translation>正在识别人物、地点和机构… %1%</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n 个文件无法读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) loaded after a repair</source>
        <translation>
            <numerusform>%n 个文件经修复后载入</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the last article.</source>
        <translation>已经是最后一篇。</translation>
    </message>
    <message>
        <source>This is the first article.</source>
        <translation>已经是第一篇。</translation>
    </message>
    <message>
        <source>%1 of %2 articles</source>
        <translation>%1 / %2 篇文章</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest first (click for oldest first)</source>
        <translation>最新在前（点击改为最早在前）</translation>
    </message>
    <message>
        <source>Oldest first (click for newest first)</source>
        <translation>最早在前（点击改为最新在前）</translation>
    </message>
    <message>
        <source>Open a Folder of Pages</source>
        <translation>打开版面文件夹</translation>
    </message>
    <message>
        <source>Add Pages</source>
        <translation>添加版面文件</translation>
    </message>
    <message>
        <source>Pages (*.txt *.md *.markdown)</source>
        <translation>版面文件 (*.txt *.md *.markdown)</translation>
    </message>
    <message>
        <source>%1 is open for this session only: %2</source>
        <translation>%1 仅在本次使用中打开：%2</translation>
    </message>
    <message>
        <source>Every file was read.</source>
        <translation>所有文件均已读取。</translation>
    </message>
    <message>
        <source>The change applies until you quit; it could not be saved: %1</source>
        <translation>这项修改在退出前有效，但无法保存：%1</translation>
    </message>
    <message>
        <source>Next / previous article (in the reader)</source>
        <translation>下一篇 / 上一篇（在阅读区）</translation>
    </message>
    <message>
        <source>Search (in the reader)</source>
        <translation>搜索（在阅读区）</translation>
    </message>
    <message>
        <source>Results: open / back to the search box</source>
        <translation>结果：打开 / 回到搜索框</translation>
    </message>
    <message>
        <source>Recent searches (in the empty search box)</source>
        <translation>最近的搜索（在空的搜索框中）</translation>
    </message>
    <message>
        <source>Next / previous match (in the find bar)</source>
        <translation>下一处 / 上一处（在查找栏）</translation>
    </message>
    <message>
        <source>Open the article (in the list)</source>
        <translation>打开文章（在列表中）</translation>
    </message>
    <message>
        <source>Delete the mark (in the reader or the marks list)</source>
        <translation>删除标注（在阅读区或标注列表中）</translation>
    </message>
    <message>
        <source>Marks list: open / edit the note</source>
        <translation>标注列表：打开 / 编辑备注</translation>
    </message>
    <message>
        <source>Move in the list</source>
        <translation>在列表中移动</translation>
    </message>
    <message>
        <source>About Press Reader</source>
        <translation>关于报刊阅读器</translation>
    </message>
    <message>
        <source>Press Reader %1
Read, search and quote Chinese newspaper pages.</source>
        <translation>报刊阅读器 %1
阅读、检索和引用中文报纸版面。</translation>
    </message>
</context>
<context>
    <name>MarkControl</name>
    <message>
        <source>Marks</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Marks cannot be saved in %1 (%2). The marks saved there are shown, and marks made now last until you quit: export them before closing.</source>
        <translation>无法在 %1 中保存标注（%2）。已显示其中保存过的标注；现在新做的标注在退出前有效，请在关闭前导出。</translation>
    </message>
    <message>
        <source>Recover Marks</source>
        <translation>恢复标注</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) recovered.</source>
        <translation>
            <numerusform>已恢复 %n 条标注。</numerusform>
        </translation>
    </message>
    <message>
        <source>There was no backup to recover from.</source>
        <translation>没有可用来恢复的备份。</translation>
    </message>
    <message>
        <source>&amp;Mark Passage</source>
        <translation>标注段落(&amp;M)</translation>
    </message>
    <message>
        <source>Mark in %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <source>Mark &amp;Note and Tags…</source>
        <translation>标注备注和标签(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete Mark</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>连同引文复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export Marks…</source>
        <translation>导出标注(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import Marks…</source>
        <translation>导入标注(&amp;I)…</translation>
    </message>
    <message>
        <source>Go to &amp;Marks</source>
        <translation>转到标注(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Mark in &amp;Colour</source>
        <translation>按颜色标注(&amp;C)</translation>
    </message>
    <message>
        <source>The mark was not saved: %1</source>
        <translation>标注未能保存：%1</translation>
    </message>
    <message>
        <source>This passage is already marked.</source>
        <translation>这段文字已经标注过了。</translation>
    </message>
    <message>
        <source>Select a passage of the article first (Shift+arrows or the mouse).</source>
        <translation>请先选中文章中的一段文字（Shift+方向键或鼠标）。</translation>
    </message>
    <message>
        <source>Select some text, not only spaces.</source>
        <translation>请选中文字，而不只是空白。</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Marked. Ctrl+Shift+M adds a note, Alt+1–5 changes the colour, Delete removes it.</source>
        <translation>已标注。Ctrl+Shift+M 添加备注，Alt+1–5 更换颜色，Delete 删除。</translation>
    </message>
    <message>
        <source>Edit Mark</source>
        <translation>编辑标注</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Mark(s)</source>
        <translation>
            <numerusform>删除 %n 条标注</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Mark</source>
        <translation>删除标注</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) deleted. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>已删除 %n 条标注。按 Ctrl+Z 可恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a passage or a mark first.</source>
        <translation>请先选中一段文字或一条标注。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>The article of this mark (%1) is not loaded: open its folder.</source>
        <translation>这条标注所在的文章（%1）未载入：请打开它所在的文件夹。</translation>
    </message>
    <message>
        <source>This mark is detached: its passage is no longer in the article. The quote is kept as marked.</source>
        <translation>这条标注已脱离原文：文章中已找不到这段文字。引文按标注时的原样保留。</translation>
    </message>
    <message>
        <source>%1 marks placed again in changed articles; %2 detached.</source>
        <translation>%1 条标注已在改动过的文章中重新定位；%2 条脱离原文。</translation>
    </message>
    <message>
        <source>Import Marks</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Imported from %1: %2 marks added, %3 updated, %4 already here.</source>
        <translation>已从 %1 导入：新增 %2 条标注，更新 %3 条，%4 条已存在。</translation>
    </message>
    <message>
        <source>Select a passage or a mark to copy.</source>
        <translation>请选中要复制的文字或标注。</translation>
    </message>
    <message>
        <source>Copied with its citation.</source>
        <translation>已连同引文复制。</translation>
    </message>
    <message>
        <source>There are no marks to export yet.</source>
        <translation>还没有可导出的标注。</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有一个导出正在进行。</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n mark(s)…</source>
        <translation>
            <numerusform>正在导出 %n 条标注…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 marks to %2.</source>
        <translation>已将 %1 条标注导出到 %2。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export Marks</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>The marks were not exported: %1
An earlier file of that name is unchanged.</source>
        <translation>标注未能导出：%1
同名的旧文件保持不变。</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <source>Mark</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. 防控, 会议</source>
        <translation>用逗号分隔，例如 防控, 会议</translation>
    </message>
    <message>
        <source>Why this passage matters</source>
        <translation>这段文字为什么重要</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>MarksModel</name>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Detached: the article&apos;s text changed and this passage is no longer in it. The quote is kept as marked.</source>
        <translation>已脱离原文：文章内容已改动，其中已找不到这段文字。引文按标注时的原样保留。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>[detached] %1</source>
        <translation>[脱离原文] %1</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>Unknown date</source>
        <translation>未注明日期</translation>
    </message>
</context>
<context>
    <name>MarksPanel</name>
    <message>
        <source>Filter marks: quote, note, title, tag</source>
        <translation>筛选标注：引文、备注、标题、标签</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <source>Date: 2022-11</source>
        <translation>日期：2022-11</translation>
    </message>
    <message>
        <source>In the order marked</source>
        <translation>按标注顺序</translation>
    </message>
    <message>
        <source>Newest articles first</source>
        <translation>文章从新到旧</translation>
    </message>
    <message>
        <source>Oldest articles first</source>
        <translation>文章从旧到新</translation>
    </message>
    <message>
        <source>By source</source>
        <translation>按来源</translation>
    </message>
    <message>
        <source>By article</source>
        <translation>按文章</translation>
    </message>
    <message>
        <source>By colour</source>
        <translation>按颜色</translation>
    </message>
    <message>
        <source>Sorted by a column</source>
        <translation>按所点的列排序</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n 条标注</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 marks</source>
        <translation>%1 / %2 条标注</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Source and Date</source>
        <translation>来源和日期</translation>
    </message>
    <message>
        <source>Page file:</source>
        <translation>版面文件：</translation>
    </message>
    <message>
        <source>Applies to every article on this page. Saved in Press Reader&apos;s data folder; the file itself is not changed.</source>
        <translation>对本版所有文章生效。保存在报刊阅读器的数据文件夹中，不会改动原文件。</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty if unknown</source>
        <translation>YYYY-MM-DD，未知则留空</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>This date is not printed on the page: it was inferred from the dates in its text. Citations show it in square brackets until you confirm it here.</source>
        <translation>版面上没有印出这个日期：它是根据正文中的日期推断的。在此确认之前，引文中的日期加方括号。</translation>
    </message>
    <message>
        <source>Use Detected Values</source>
        <translation>恢复自动识别的值</translation>
    </message>
    <message>
        <source>Not a date: write it as 2022-11-24.</source>
        <translation>日期无效，请写成 2022-11-24 的形式。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies the next time Press Reader starts.</source>
        <translation>界面语言将在下次启动报刊阅读器时生效。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Reading &amp;font:</source>
        <translation>阅读字体(&amp;F)：</translation>
    </message>
    <message>
        <source>Font &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Files that could not be read</source>
        <translation>无法读取的文件</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read. Everything else was loaded.</source>
        <translation>
            <numerusform>%n 个文件无法读取，其余内容均已载入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) loaded after a repair.</source>
        <translation>
            <numerusform>%n 个文件经修复后已载入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy List</source>
        <translation>复制列表</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Loaded, repaired: %1</source>
        <translation>已载入（经修复）：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search all pages (Ctrl+K)</source>
        <translation>搜索全部版面 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>The search index is being built; results appear when it is ready.</source>
        <translation>正在建立搜索索引，完成后即显示结果。</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation>（显示前 %1 条）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>entities</name>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>“%1” Is Not an Entity</source>
        <translation>“%1”不是实体</translation>
    </message>
    <message>
        <source>Mark “%1” as %2</source>
        <translation>将“%1”标为%2</translation>
    </message>
</context>
<context>
    <name>marks</name>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
</TS>
