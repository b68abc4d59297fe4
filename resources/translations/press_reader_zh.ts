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
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n 篇文章</numerusform>
            </translation>
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
            <source>No Chinese font found: Chinese text may not display. Install one.</source>
            <translation>未找到中文字体，中文可能无法显示，请安装中文字体。</translation>
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
            <source>Every file was read.</source>
            <translation>所有文件均已读取。</translation>
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
            <source>Applies to every article on this page. Saved in Press Reader's data folder; the file itself is not changed.</source>
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
        <message>
            <source>Copy List</source>
            <translation>复制列表</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
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
</TS>
