"""A folder of small annual reports in the shape of the seeds (our own words), one per
organ and year, each with a distinctive measure; for the library-folder tests."""

from __future__ import annotations

from pathlib import Path

ORGANS = [
    ("滨海区司法局", "法治体检进园区"),
    ("滨海区教育局", "校园法治副校长轮岗"),
    ("滨海区民政局", "婚姻登记预约直办"),
    ("滨海区人力资源和社会保障局", "欠薪线索快速核查"),
    ("滨海区生态环境局", "环评审批承诺备案"),
    ("滨海区交通运输局", "货车超限柔性劝导"),
    ("滨海区卫生健康委员会", "医疗纠纷调解前移"),
    ("滨海区市场监督管理局", "食品摊贩信用码"),
    ("滨海区应急管理局", "危化企业夜查轮值"),
]

REPORT = """{organ}{year}年法治政府建设情况报告
{year}年，{organ}在区委、区政府的领导下，扎实推进法治政府建设各项工作，现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导
局党组全年召开专题会议研究法治政府建设工作{meetings}次，主要负责人带头履行第一责任人职责。
（二）推进严格规范公正文明执法
全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办理行政处罚案件{cases}件。
（三）创新开展“{measure}”工作
围绕群众反映集中的问题，探索开展“{measure}”工作，全年累计服务群众{served}人次，群众满意度明显提升。
二、存在的不足和原因
执法人员数量偏少，业务培训的针对性还不够强。
三、下一年度工作安排
继续深化“{measure}”工作，扩大覆盖范围，健全长效机制。
"""


def write_folder(folder: Path, broken: str | None = "损坏的报告.docx") -> list[Path]:
    """Nine reports (.txt, one .docx) and, if named, one broken .docx."""
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (organ, measure) in enumerate(ORGANS):
        year = 2021 + i % 3
        text = REPORT.format(
            organ=organ,
            year=year,
            measure=measure,
            meetings=3 + i,
            cases=40 + 7 * i,
            served=1200 + 35 * i,
        )
        if i == 0:
            path = folder / f"{organ}{year}年度报告.docx"
            doc = docx.Document()
            for line in text.splitlines():
                doc.add_paragraph(line)
            doc.save(path)
        else:
            sub = folder / ("各部门" if i % 2 else "")
            sub.mkdir(exist_ok=True)
            path = sub / f"{organ}{year}年度报告.txt"
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    if broken:
        (folder / broken).write_bytes(b"PK\x03\x04 not really a Word document")
    return paths
