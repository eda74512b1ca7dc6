"""Precision: a clean, well-formed report draws no convention finding (nor any structure or
figure finding), both as a .txt file read by the importer and as a draft built in code."""

from __future__ import annotations

import json

from conftest import run_cli
from drafter.core.checks import check_path, run_checks
from drafter.core.model.model import Metadata, Paragraph, Report, Section

CLEAN_REPORT = """\
某某区人民政府
关于2022年度法治政府建设情况的报告
某某市人民政府：
2022年，我区以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要（2021－2025年）》，扎实推进法治政府建设。现将2022年度法治政府建设情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
（一）加强党的领导，完善推进机制
1.深入学习贯彻习近平法治思想。区政府党组把习近平法治思想列为理论学习中心组重点内容，全年开展专题学习6次。
2.召开常务会议研究法治建设。区政府常务会议全年4次听取法治政府建设工作情况汇报，研究解决重点问题。
3.将法治建设纳入绩效考核。把法治政府建设成效纳入全区绩效考核指标体系，分值占比5%。
（二）健全政府机构职能体系
1.动态调整权责清单。全年调整区级权责清单事项126项，并在区政府网站公布。
2.深化“放管服”改革。全年新增“跨省通办”事项35项，政务服务事项网上可办率达98.5%。
3.优化法治化营商环境。落实市场准入负面清单制度，全年新登记市场主体3200户。
（三）健全依法行政制度体系
1.严格规范性文件合法性审核。全年审核区政府规范性文件12件，全部按时报送备案，报备率100%。
（四）健全行政决策制度体系
1.落实重大行政决策法定程序。严格履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。
2.发挥法律顾问作用。区政府聘请法律顾问5人，全年审查合同协议86件。
（五）健全行政执法工作体系
1.全面推行行政执法三项制度。落实执法公示、执法全过程记录、重大执法决定法制审核制度。
2.加强执法人员管理。全区持证执法人员共计860人，全年组织执法人员培训3次。
3.开展案卷评查。全年评查行政执法案卷240卷。
（六）健全社会矛盾纠纷行政预防调处化解体系
1.发挥行政复议主渠道作用。全年共收到行政复议申请48件，依法受理42件，审结40件。
2.做好行政应诉工作。全年新收一审行政诉讼案件31件，行政机关负责人出庭应诉率达100%。
3.强化人民调解。各级调解组织共调解纠纷1200件，调解成功1188件，调解成功率99%。
（七）健全行政权力制约和监督体系
1.深化政务公开。全年主动公开政府信息2150条，办理依申请公开18件。
2.办理建议提案。全年办理人大代表建议和政协委员提案96件，办复率100%。
（八）提高依法行政能力，深化普法
1.落实领导干部学法制度。全年举办区政府常务会议会前学法12次。
2.落实“谁执法谁普法”普法责任制。各部门制定普法责任清单，开展宪法宣传周和民法典宣传活动。
二、存在的不足和原因
一是个别部门运用法治思维解决问题的能力还不强；二是基层执法力量还比较薄弱。原因在于培训的针对性还不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区委书记、区长认真履行推进法治建设第一责任人职责，全年主持召开专题会议3次，亲自部署法治政府建设重点任务。
四、2023年推进法治政府建设的主要安排
2023年，我区将继续深入学习贯彻习近平法治思想，分批组织领导干部法治思维专题培训，全面推进严格规范公正文明执法，持续提升依法行政水平。
五、其他需要报告的情况
无。
特此报告。
某某区人民政府
2023年2月20日
"""

# A department's web version: no 文号 or 主送机关, run-in headings, "一是…二是", slogans,
# 《…（2021－2025年）》, "互联网+监管", 12345, rates that agree with their counts.
CLEAN_DEPT_REPORT = """\
某某市市场监督管理局2022年度法治政府建设情况报告
2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《法治政府建设实施纲要（2021－2025年）》和《法治中国建设规划（2020－2025年）》，现将有关情况报告如下。
一、主要举措和成效
（一）加强组织领导。局党组把法治建设纳入全局年度工作要点，局党组会议全年3次专题研究法治建设工作，听取法治政府建设工作情况汇报。局主要负责人认真履行推进法治建设第一责任人职责，将履职情况列入年终述职内容。
（二）深入学习贯彻习近平法治思想。局党组理论学习中心组开展习近平法治思想专题学习4次，举办会前学法12次、法治讲座2场。组织全局干部参加国家工作人员学法考试，参考率、合格率均为100%。
（三）严格规范公正文明执法。一是全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度；二是修订行政处罚裁量基准，细化裁量标准136项；三是公布轻微违法行为不予处罚清单，全年对58家市场主体依法不予处罚；四是开展行政执法案卷评查，评查案卷120卷。全局持有行政执法证件的执法人员共412人，全年组织执法人员培训6次、累计1800人次。
（四）推进“放管服”改革。深化“证照分离”改革，全年办理告知承诺事项2360件；依托“互联网+监管”系统开展“双随机、一公开”抽查，抽查市场主体3100户。企业开办实现“一网通办”，网上办理率达96.5%。开展公平竞争审查，审查政策措施文件21件。
（五）化解矛盾纠纷。全年共收到行政复议申请15件，依法受理12件，审结12件，其中撤销2件，纠错率16.7%。新收一审行政诉讼案件9件，局负责人出庭应诉9件，出庭应诉率100%。处理12345热线投诉举报4500件，按时办结率99.2%。
（六）推进政务公开。全年主动公开政府信息860条，办理依申请公开12件，办理人大代表建议和政协委员提案28件，办复率100%。
（七）落实普法责任制。落实“谁执法谁普法”普法责任制，制定年度普法责任清单，组织“宪法宣传周”、民法典宣传月活动，发放宣传资料3万余份。
二、存在的不足和原因
一是部分执法人员运用法治思维的能力还不强；二是基层执法力量还比较薄弱。主要原因是培训的系统性还不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局党组书记、局长认真履行推进法治建设第一责任人职责，全年主持召开党组会议专题研究法治工作3次，带头参加旁听庭审1次。
四、2023年工作安排
2023年，我局将继续深入学习贯彻习近平法治思想，持续推进严格规范公正文明执法，进一步提升依法行政水平。
五、其他需要报告的情况
无。
某某市市场监督管理局
2023年2月15日
"""

CONVENTION_CODES_PREFIXES = (
    "doc-number",
    "date",
    "numbering",
    "halfwidth",
    "quote",
    "bracket",
    "repeated",
    "stray",
    "year",
    "outdated",
    "blank",
    "web",
    "paragraph",
)


def test_clean_report_file_draws_no_convention_finding(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN_REPORT, encoding="utf-8")
    report, res = check_path(path, "gov")
    assert report.metadata.recipient == "某某市人民政府"  # read as a formal report
    conv = [f for f in res.findings if f.code.startswith(CONVENTION_CODES_PREFIXES)]
    assert conv == []
    # nor any structure or figure finding: every section is there, every figure adds up
    assert res.sections == dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), True)
    assert [f.code for f in res.findings if not f.code.startswith("indicator")] == []
    assert not res.has_errors
    # the required indicators of a government are all covered
    assert not [f for f in res.findings if f.code == "indicator-missing"]


def test_clean_department_report_draws_only_what_it_lacks(tmp_path):
    path = tmp_path / "dept.txt"
    path.write_text(CLEAN_DEPT_REPORT, encoding="utf-8")
    report, res = check_path(path)
    assert report.metadata.organ_kind == "dept"
    assert res.sections == dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), True)
    assert [f.code for f in res.findings if not f.code.startswith("indicator")] == []
    # it says nothing of 规范性文件, 重大行政决策 or 法律顾问: the three required gaps
    assert {f.indicator for f in res.findings} == {"C1", "D1", "D4"}
    st = res.indicators
    assert st["G2"]["status"] == "present" and st["I3"]["status"] == "present"
    assert st["E4"]["figures"] == [{"text": "136项", "value": 136.0, "unit": "项"}]
    assert st["G4"]["figures"][-1] == {"text": "100%", "value": 100.0, "unit": "%"}


def test_clean_report_through_the_cli(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN_REPORT, encoding="utf-8")
    proc = run_cli("check", str(path), "--json", "--kind", "gov")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert [f["code"] for f in doc["findings"] if not f["code"].startswith("indicator")] == []
    assert doc["indicators"]["G1"]["figures"][:3] == [
        {"text": "48件", "value": 48.0, "unit": "件"},
        {"text": "42件", "value": 42.0, "unit": "件"},
        {"text": "40件", "value": 40.0, "unit": "件"},
    ]


def test_clean_draft_built_in_code_draws_no_finding_but_indicators():
    def sec(sid, heading, *texts):
        return Section(sid, heading=heading, paragraphs=[Paragraph(t) for t in texts])

    report = Report(
        metadata=Metadata(organ="某某局", organ_kind="dept", year=2022, date="2023-02-10"),
        opening=[Paragraph("现将2022年度法治政府建设情况报告如下：")],
        sections=[
            sec(
                "S1",
                "主要举措和成效",
                "全面推行行政执法三项制度，全年办理行政许可事项1520件。",
                "落实“谁执法谁普法”普法责任制，组织局党组会前学法6次。",
            ),
            sec("S2", "存在的不足和原因", "执法人员的法治意识还不够强，原因是培训不够系统。"),
            sec(
                "S3",
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "局长认真履行推进法治建设第一责任人职责。",
            ),
            sec(
                "S4", "下一年度推进法治政府建设的主要安排", "2023年，我局将进一步规范行政执法行为。"
            ),
        ],
    )
    res = run_checks(report)
    assert [f.code for f in res.findings if not f.code.startswith("indicator")] == []
