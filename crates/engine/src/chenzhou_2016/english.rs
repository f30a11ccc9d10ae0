//! The rules' texts in English, keyed by their Chinese: the policy's translation for the
//! command line, the static summary and the page's `en.json`. The page's binary leaves it out
//! (feature `lean-translations`) and fetches it in `en.json` with the app's own English.

use crate::policy::Translation;

pub const ENGLISH: Translation = Translation {
    lang: "en",
    texts: TEXTS,
};

#[cfg(feature = "lean-translations")]
const TEXTS: &[(&str, &str)] = &[];

/// Sorted by the Chinese text (a rules test checks it, and that every key is a text of the
/// policy).
#[cfg(not(feature = "lean-translations"))]
#[rustfmt::skip]
const TEXTS: &[(&str, &str)] = &[
    ("0岁", "0"),
    ("15岁", "15"),
    ("3年", "3 years"),
    ("6岁", "6"),
    #[cfg(feature = "policy-fixture")]
    ("一年", "a year"),
    ("与你共同居住生活", "Lives with you"),
    ("你属于本市重点推动城镇落户的人群", "You belong to a group the city especially wants to help settle in town"),
    ("你本人须符合落户条件", "You yourself must meet the conditions to settle"),
    ("保留土地承包经营权、宅基地使用权、集体收益分配权", "You keep your contracted land, homestead and collective income rights"),
    ("先申领出生医学证明：在助产机构内出生的，向该机构申领；在助产机构外出生的，先做亲子鉴定，再向拟落户地县级卫生计生部门委托的机构申领。然后凭出生医学证明申请登记（国办发〔2015〕96号二（二））", "First get a birth certificate: born in a midwifery institution, apply to that institution; born outside one, first have a parentage test, then apply to the body the county health department of the place of registration appoints. Then apply for registration with the birth certificate (国办发〔2015〕96号, II (2))"),
    ("全面放开其他城镇的落户限制", "Fully lifting the limits on settling in other towns"),
    ("凭人民法院撤销失踪或者死亡宣告的判决书，申请恢复户口（国办发〔2015〕96号二（四））", "Apply to restore your hukou with the court's judgment revoking the declaration of disappearance or death (国办发〔2015〕96号, II (4))"),
    ("凭出生医学证明和父母一方的居民户口簿、结婚证或者非婚生育说明申请登记；非婚生育、申请随父亲登记的，还要有亲子鉴定证明（国办发〔2015〕96号二（一））", "Apply with the birth certificate (出生医学证明) and one parent's hukou booklet and marriage certificate or statement of a birth outside marriage; a child born outside marriage who is to be registered with the father also needs a parentage test (国办发〔2015〕96号, II (1))"),
    ("半年", "six months"),
    ("可参加城镇企业职工基本养老保险", "You may join the urban employees' basic pension insurance"),
    ("向民政部门申请办理收养登记，凭收养登记证和收养人的户口簿申请登记；1999年4月1日以前私自收养的，也可以办理事实收养公证，经公安机关调查核实后，凭公证书和收养人的户口簿申请登记（国办发〔2015〕96号二（三））", "Apply to civil affairs to register the adoption, then apply with the adoption registration certificate and the adoptive parent's hukou booklet; a child taken in privately before 1 April 1999 may instead have the de-facto adoption notarised and, after the police have checked, apply with the notarial certificate and the adoptive parent's hukou booklet (国办发〔2015〕96号, II (3))"),
    ("向签发地公安机关申请补领、换领户口迁移证件，凭它办理户口迁移登记；不符合迁入地现行户口迁移政策的，可以申请恢复常住户口登记：大中专院校毕业生在原籍户口所在地，其他人员在户口迁出地（国办发〔2015〕96号二（六））", "Apply to the public-security office that issued the migration certificate to have it reissued or exchanged, and register the move with it; if you do not meet the current migration policy of the new place, you may apply to restore your hukou: a university or college graduate where it originally was, anyone else where it was moved out (国办发〔2015〕96号, II (6))"),
    ("在县级市市区、县城或其他建制镇落户", "Settle in the urban area of a county-level city, a county seat or another designated town"),
    ("在现在的城市居住{resident_months}以上", "Lived in this city for at least {resident_months}"),
    ("在那里有合法稳定住所（含租赁）", "A legal stable home there (renting included)"),
    ("在那里有合法稳定就业", "Legal stable work there"),
    ("在郴州市中心城区落户", "Settle in Chenzhou's central urban area"),
    ("城镇失业登记、同等就业扶持、技能和创业培训", "Urban unemployment registration, the same job support, skills and start-up training"),
    ("基本原则", "Basic principles"),
    ("妥善解决落户工作中的相关问题", "Properly resolving problems in registration work"),
    ("子女须未婚（政策没有写年龄限制）", "A child must be unmarried (the policy sets no age limit)"),
    ("家里有尚未登记户口的新生儿（不受附加条件限制）", "A baby not yet registered (no further conditions may be set)"),
    ("居住证持有人与当地户籍人口同等享有劳动就业、基本公共教育、基本医疗卫生、计划生育、公共文化、证照办理服务", "the same employment, basic public education, basic medical and health, family-planning, public cultural and certificate services as people with a local hukou"),
    ("居住证申领条件（第二条）", "Who may apply for a residence permit (article 2)"),
    ("建立健全优抚保障机制", "Benefits for military families"),
    ("建立健全住房保障机制", "Housing security"),
    ("建立健全养老保险制度", "Pension insurance"),
    ("建立健全医疗保障制度", "Medical insurance"),
    ("建立健全就业保障机制", "Employment support"),
    ("建立健全教育保障机制", "Education"),
    ("建立健全社会救助机制", "Social assistance"),
    ("建立健全计划生育权益保障政策", "Protecting family-planning rights"),
    ("建立城乡统一的户口登记制度", "One household registration for town and country"),
    ("户口在别的地方（离开常住户口所在地）", "Your hukou is elsewhere (you have left the place of your hukou)"),
    ("按照国家规定在当地参加城镇社会保险", "Takes part in urban social insurance there, as national rules provide"),
    ("改革完善农村产权制度", "Reforming rural property rights"),
    ("新生儿户口登记", "Registering a newborn"),
    ("无户口人员登记户口", "Registering a person who has no hukou"),
    ("是配偶、子女或父母", "Is a spouse, child or parent"),
    ("有合法稳定就业、合法稳定住所、连续就读三者之一", "One of: a legal stable job, a legal stable home, continuous schooling"),
    ("未就业的可以自由职业者身份参加城镇企业职工基本养老保险", "Without a job you may join the urban employees' pension as a freelancer"),
    ("未满二十周岁", "under 20"),
    ("本人或者承担监护职责的单位和个人可以提出申请，经公安机关会同有关部门调查核实后，可以办理常住户口登记；可以先到派出所说明情况（国办发〔2015〕96号二（八））", "You, or the person or body acting as your guardian, may apply; after the police have investigated together with the departments concerned, the hukou may be registered; you can start by explaining your case at the police station (国办发〔2015〕96号, II (8))"),
    ("本人没有户口", "You have no hukou"),
    ("没有取得外国国籍的，凭出生医学证明、父母的非婚生育说明和中国公民一方的户口簿申请登记（国办发〔2015〕96号二（七））", "With no foreign nationality, apply with the birth certificate, the parents' statement of a birth outside marriage and the Chinese parent's hukou booklet (国办发〔2015〕96号, II (7))"),
    ("烈属、因公牺牲军人遗属、病故军人遗属按城镇标准领取定期抚恤金", "Martyrs' and bereaved military families receive the periodic pension at the urban rate"),
    ("现阶段，不得以退出土地承包经营权、宅基地使用权、集体收益分配权作为进城落户的条件", "At this stage, giving up your contracted land, homestead or collective income rights may not be made a condition of settling"),
    ("申领居住证", "Apply for a residence permit"),
    ("社区卫生和计划生育服务；进城落户农民在农村参加的医疗保险接入城镇社会保障体系；医疗保险转移接续和异地就医结算", "Community health and family-planning services; rural medical insurance of farmers who settle in a town carried into the urban social security system; medical insurance transferred, and settled across regions"),
    ("符合住房保障条件的，享受城镇住房保障政策", "Urban housing security, if you meet its conditions"),
    ("符合条件的，按属地管理纳入以低保为核心的社会救助", "Social assistance (centred on dibao) where you live, if you meet its criteria"),
    ("经公安机关调查核实未在其他地方落户的，可以在原户口注销地申请恢复常住户口登记（国办发〔2015〕96号二（五））", "If the police confirm you have not registered anywhere else, you may apply to restore your hukou where it was cancelled (国办发〔2015〕96号, II (5))"),
    ("结婚年龄（第一千零四十七条）", "Age of marriage (article 1047)"),
    ("继续大力实施居住证制度", "Carrying on with the residence permit system"),
    ("落户后{family_planning_window}内可继续享受农村生育政策、计划生育奖励优待和技术服务", "For {family_planning_window} after settling you may keep the rural birth policy, family-planning rewards and services"),
    ("落户后统一登记为居民户口，不再区分农业与非农业户口", "After settling you are registered as a resident (居民户口); agricultural and non-agricultural hukou are no longer told apart"),
    ("落户尊重本人意愿，不得强迫", "Settling is your choice; nobody may force you"),
    ("要落户的地方在郴州市中心城区", "The place is in Chenzhou's central urban area"),
    ("要落户的地方是县级市市区、县人民政府驻地镇或其他建制镇", "The place is the urban area of a county-level city, the town where a county government sits, or another designated town"),
    ("转户前应征入伍的子女享受城镇义务兵优待和安置政策", "A child who enlisted before the move gets urban conscript benefits and placement"),
    ("进一步放宽市中心城区的落户条件", "Further relaxing settlement in the city's central urban area"),
    ("郴州市人民政府关于进一步推进户籍制度改革的实施意见", "Chenzhou People's Government: implementing opinions on further reform of the household registration system"),
    ("随你落户的家人，和你一样是新落户人员：政策要求切实保障新落户人员的合法权益，依法依规保证其享有当地居民应当享有的政治、经济、文化、教育等权利。", "Relatives who settle with you are newly settled people, as you are: the policy requires that the lawful rights of newly settled people be protected, and that by law and regulation they enjoy the political, economic, cultural, educational and other rights that local residents should enjoy."),
    ("随迁子女就近入学，与城镇学生同等享受义务教育", "Children who come with you go to a nearby school on the same terms as town pupils"),
];
