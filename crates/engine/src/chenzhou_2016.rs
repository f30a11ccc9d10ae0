//! 郴政发〔2016〕1号 《关于进一步推进户籍制度改革的实施意见》 as rules.
//!
//! Every rule cites the clause it implements; the clause texts below are the document's own words
//! (a test checks each against the full text in `policy/chenzhou-2016-1.txt`). Where the text had
//! to be read, the reading is written beside the rule and in ARCHITECTURE.md.

use chrono::NaiveDate;

use crate::cond::Cond::{
    self, All, Any, AnyMember, AtLeast, Flag, Given, Implied, MemberAgeBetween, MemberFlag,
    MemberOneOf, Not, OneOf, Path, WithinMonths,
};
use crate::field::{Field, MemberField, Value as V};
use crate::policy::{
    Clause, Condition, NoticeRule, OfficeKind, OfficeRule, PathId, PathRule, Policy, Promise,
    PurposeRule, ServiceRule, Window,
};
use crate::words::{
    CurrentHukou as H, Employment as E, NoHukouReason as R, Relation, Residence as Home,
    TargetArea as A,
};

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

mod english;
mod notices;
mod parameters;
mod paths;
pub use english::ENGLISH;
pub(crate) use notices::*;
pub(crate) use parameters::*;
pub(crate) use paths::*;

pub const POLICY: Policy = Policy {
    id: "chenzhou-2016-1",
    document: "郴政发〔2016〕1号",
    title: own!(
        "policy.title",
        "郴州市人民政府关于进一步推进户籍制度改革的实施意见"
    ),
    signed: date(2016, 1, 6),
    effective: date(2016, 1, 6),
    clauses: CLAUSES,
    paths: &PATHS,
    relatives: RELATIVES,
    relatives_join: &[PathId::CentralUrbanSettlement, PathId::TownSettlement],
    registered_here: REGISTERED_HERE,
    purposes: PURPOSES,
    services: SERVICES,
    notices: NOTICES,
    settlers_rights: SETTLERS_RIGHTS,
    office_decides: OFFICE_DECIDES,
    parameters: PARAMETERS,
    translations: &[ENGLISH],
};

/// 4.1: 切实保障新落户人员的合法权益，依法依规保证其享有当地居民应当享有的政治、经济、文化、教育等权利.
pub(crate) const SETTLERS_RIGHTS: Promise = Promise {
    clause: "4.1",
    text: own!(
        "promise.settlers_rights",
        "随你落户的家人，和你一样是新落户人员：政策要求切实保障新落户人员的合法权益，依法依规保证其享有当地居民应当享有的政治、经济、文化、教育等权利。"
    ),
};

/// The kinds of area 3.1 and 3.2 call towns.
const TOWNS: &[V] = &[
    V::Area(A::CentralUrban),
    V::Area(A::CountyCityUrban),
    V::Area(A::CountySeatTown),
    V::Area(A::OtherTown),
];

/// What may bring a person, as the start screen offers it.
pub(crate) const PURPOSES: &[PurposeRule] = &[
    PurposeRule {
        id: "settle",
        path: None,
        implies: &[],
        also_asks: &[],
    },
    PurposeRule {
        id: "newborn",
        path: Some(PathId::NewbornRegistration),
        implies: &[(Field::NewbornUnregistered, V::Bool(true))],
        also_asks: &[],
    },
    PurposeRule {
        id: "no_hukou",
        path: Some(PathId::UnregisteredPersonRegistration),
        implies: &[(Field::CurrentHukou, V::Hukou(H::None))],
        // Which of the no-hukou routes of 4.1 applies.
        also_asks: &[Field::NoHukouReason],
    },
    PurposeRule {
        id: "permit",
        path: Some(PathId::ResidencePermit),
        implies: &[],
        also_asks: &[],
    },
    // Coming to live with a spouse, child or parent who lives there (3.1 / 3.2: 本人及其共同居住生活的
    // 配偶、未婚子女、父母): the answers then describe that relative, and the person is the first
    // relative listed, judged as the text judges the relative's family.
    PurposeRule {
        id: "join",
        path: None,
        implies: &[],
        also_asks: &[],
    },
    PurposeRule {
        id: "registered",
        path: None,
        implies: &[(Field::CurrentHukou, V::Hukou(H::TargetArea))],
        also_asks: &[],
    },
];

/// The person's hukou is already in the place they name.
pub(crate) const REGISTERED_HERE: Cond = All(&[
    OneOf(Field::CurrentHukou, &[V::Hukou(H::TargetArea)]),
    Given(Field::TargetArea),
]);
/// A place is named.
const ANSWERED_PLACE: Cond = Given(Field::TargetArea);
/// Always met.
const ALWAYS: Cond = All(&[]);

pub(crate) const DOCUMENT: &str = "郴政发〔2016〕1号";
pub(crate) const ORDINANCE_663: &str = "《居住证暂行条例》（国务院令第663号）";
pub(crate) const CIVIL_CODE: &str = "《中华人民共和国民法典》";

/// A legal stable home (合法稳定住所): 含租赁, and the text asks nothing of the lease, so a lease
/// that is not registered is a lease. Whether a home the employer provides counts, the text does
/// not say: it is not refused, and the office decides (`OFFICE_DECIDES`).
pub(crate) const HOME: Cond = OneOf(
    Field::Residence,
    &[
        V::Residence(Home::Owned),
        V::Residence(Home::Rented),
        V::Residence(Home::RentedUnregistered),
        V::Residence(Home::EmployerProvided),
    ],
);
/// Legal stable work (合法稳定就业), which the text does not define: work is work, with a written
/// contract or without, and how it is proved is the office's to judge (`OFFICE_DECIDES`). It is
/// also 6.2's 在城镇就业.
pub(crate) const JOB: Cond = OneOf(
    Field::Employment,
    &[
        V::Employment(E::Employed),
        V::Employment(E::SelfEmployed),
        V::Employment(E::EmployedWithoutContract),
    ],
);
/// Answers that meet a condition's words where the text leaves the rest to the office.
pub(crate) const OFFICE_DECIDES: &[OfficeRule] = &[
    OfficeRule {
        id: "unregistered_lease",
        kind: OfficeKind::Proof,
        answer: OneOf(Field::Residence, &[V::Residence(Home::RentedUnregistered)]),
    },
    OfficeRule {
        id: "no_written_contract",
        kind: OfficeKind::Proof,
        answer: OneOf(
            Field::Employment,
            &[V::Employment(E::EmployedWithoutContract)],
        ),
    },
    OfficeRule {
        id: "employer_home",
        kind: OfficeKind::TextSilent,
        answer: OneOf(Field::Residence, &[V::Residence(Home::EmployerProvided)]),
    },
];
const RURAL: Cond = Flag(Field::RuralCollectiveMember, true);
/// Already moved their hukou into the town they name: section 6 is for those settled in a town
/// (进城落户), so a hukou moved into a place that is not a town brings none of it.
const HAS_SETTLED: Cond = All(&[
    OneOf(Field::CurrentHukou, &[V::Hukou(H::TargetArea)]),
    OneOf(Field::TargetArea, TOWNS),
    Given(Field::SettledOn),
]);
/// Section 6 serves those who can settle or have settled.
pub(crate) const SETTLING: Cond = Any(&[
    Path(PathId::CentralUrbanSettlement),
    Path(PathId::TownSettlement),
    HAS_SETTLED,
]);
const SETTLING_RURAL: Cond = All(&[SETTLING, RURAL]);
const CAN_SETTLE: Cond = Any(&[
    Path(PathId::CentralUrbanSettlement),
    Path(PathId::TownSettlement),
]);

/// 3.1 / 3.2: 本人及其共同居住生活的配偶、未婚子女、父母等. The list ends in 等; relatives it does
/// not name are not treated as covered (the app says to ask the police station).
pub(crate) const RELATIVES: &[Condition] = &[
    Condition {
        id: "named_relative",
        clauses: &["3.1", "3.2"],
        because: &[],
        label: own!("condition.named_relative", "是配偶、子女或父母"),
        test: MemberOneOf(
            MemberField::Relation,
            &[
                V::Relation(Relation::Spouse),
                V::Relation(Relation::Child),
                V::Relation(Relation::Parent),
            ],
        ),
    },
    Condition {
        id: "lives_with_applicant",
        clauses: &["3.1", "3.2"],
        because: &[],
        label: own!("condition.lives_with_applicant", "与你共同居住生活"),
        test: MemberFlag(MemberField::LivesWithApplicant, true),
    },
    Condition {
        id: "unmarried_if_child",
        clauses: &["3.1", "3.2", "civil.1047"],
        because: &[],
        label: own!(
            "condition.unmarried_if_child",
            "子女须未婚（政策没有写年龄限制）"
        ),
        test: Any(&[
            Not(&MemberOneOf(
                MemberField::Relation,
                &[V::Relation(Relation::Child)],
            )),
            Implied(
                &MemberFlag(MemberField::Married, false),
                &MemberAgeBetween(&UNMARRIED_AGE_FROM, &UNMARRIED_AGE_TO),
            ),
        ]),
    },
    Condition {
        id: "applicant_can_settle",
        clauses: &["3.1", "3.2"],
        because: &[],
        label: own!("condition.applicant_can_settle", "你本人须符合落户条件"),
        test: CAN_SETTLE,
    },
];

/// A child of school age (6.4), on the day, living with the applicant.
const SCHOOL_AGE_CHILD: Cond = All(&[
    MemberOneOf(MemberField::Relation, &[V::Relation(Relation::Child)]),
    MemberFlag(MemberField::LivesWithApplicant, true),
    MemberAgeBetween(&SCHOOL_AGE_FROM, &SCHOOL_AGE_TO),
]);

pub(crate) const SERVICES: &[ServiceRule] = &[
    ServiceRule { id: "rural_rights_retained", clause: "6.1", title: own!("service.rural_rights_retained", "保留土地承包经营权、宅基地使用权、集体收益分配权"), applies: SETTLING_RURAL, window: None, for_relatives: None },
    ServiceRule { id: "urban_employee_pension", clause: "6.2", title: own!("service.urban_employee_pension", "可参加城镇企业职工基本养老保险"), applies: All(&[SETTLING, JOB]), window: None, for_relatives: None },
    ServiceRule { id: "flexible_employment_pension", clause: "6.2", title: own!("service.flexible_employment_pension", "未就业的可以自由职业者身份参加城镇企业职工基本养老保险"), applies: All(&[SETTLING, OneOf(Field::Employment, &[V::Employment(E::None)])]), window: None, for_relatives: None },
    ServiceRule { id: "medical_insurance", clause: "6.3", title: own!("service.medical_insurance", "社区卫生和计划生育服务；进城落户农民在农村参加的医疗保险接入城镇社会保障体系；医疗保险转移接续和异地就医结算"), applies: SETTLING, window: None, for_relatives: None },
    ServiceRule { id: "compulsory_education", clause: "6.4", title: own!("service.compulsory_education", "随迁子女就近入学，与城镇学生同等享受义务教育"), applies: All(&[SETTLING_RURAL, AnyMember(&SCHOOL_AGE_CHILD)]), window: None, for_relatives: Some(SCHOOL_AGE_CHILD) },
    ServiceRule {
        id: "family_planning_rural_policy",
        clause: "6.5",
        title: own!("service.family_planning_rural_policy", "落户后{family_planning_window}内可继续享受农村生育政策、计划生育奖励优待和技术服务"),
        applies: All(&[SETTLING_RURAL, Any(&[Not(&HAS_SETTLED), WithinMonths(Field::SettledOn, &FAMILY_PLANNING_WINDOW)])]),
        window: Some(Window { from: Field::SettledOn, months: &FAMILY_PLANNING_WINDOW, started: HAS_SETTLED }),
        for_relatives: None,
    },
    ServiceRule { id: "housing_security", clause: "6.6", title: own!("service.housing_security", "符合住房保障条件的，享受城镇住房保障政策"), applies: SETTLING_RURAL, window: None, for_relatives: None },
    ServiceRule { id: "employment_services", clause: "6.7", title: own!("service.employment_services", "城镇失业登记、同等就业扶持、技能和创业培训"), applies: All(&[SETTLING_RURAL, Flag(Field::SeekingWork, true)]), window: None, for_relatives: None },
    ServiceRule { id: "social_assistance", clause: "6.8", title: own!("service.social_assistance", "符合条件的，按属地管理纳入以低保为核心的社会救助"), applies: SETTLING_RURAL, window: None, for_relatives: None },
    ServiceRule { id: "conscript_benefits", clause: "6.9", title: own!("service.conscript_benefits", "转户前应征入伍的子女享受城镇义务兵优待和安置政策"), applies: All(&[SETTLING_RURAL, Flag(Field::ChildEnlistedBeforeTransfer, true)]), window: None, for_relatives: None },
    ServiceRule { id: "bereaved_military_family_pension", clause: "6.9", title: own!("service.bereaved_military_family_pension", "烈属、因公牺牲军人遗属、病故军人遗属按城镇标准领取定期抚恤金"), applies: All(&[SETTLING_RURAL, Flag(Field::BereavedMilitaryFamily, true)]), window: None, for_relatives: None },
    ServiceRule { id: "residence_permit_services", clause: "4.2", title: own!("service.residence_permit_services", "居住证持有人与当地户籍人口同等享有劳动就业、基本公共教育、基本医疗卫生、计划生育、公共文化、证照办理服务"), applies: Path(PathId::ResidencePermit), window: None, for_relatives: None },
];

pub(crate) const CLAUSES: &[Clause] = &[
    Clause { id: "1.2", source: DOCUMENT, title: own!("clause.1.2", "基本原则"), text: words!("（二）基本原则。坚持积极稳妥、规范有序。立足基本市情，积极稳妥推进，优先解决存量，有序引导增量，合理引导农业转移人口落户城镇的预期和选择。坚持以人为本、尊重群众意愿。尊重城乡居民自主定居意愿，依法保障农业转移人口及其他常住人口合法权益，不得采取强迫做法办理落户。坚持因地制宜、区别对待。充分考虑我市经济社会发展水平、城市综合承载能力和提供基本公共服务的能力，合理放开户口迁移政策。坚持统筹配套、提供基本保障。统筹推进户籍制度改革和基本公共服务均等化，不断扩大教育、就业、医疗、养老、文化、住房保障等城镇基本公共服务覆盖面。") },
    Clause { id: "2", source: DOCUMENT, title: own!("clause.2", "建立城乡统一的户口登记制度"), text: words!("在全市范围内取消农业户口与非农业户口性质区分，统一登记为居民户口，公安机关户口登记管理不再标注户口性质。市直相关部门要抓紧建立与统一城乡户口登记制度相适应的教育、卫生计生、就业、社保、住房、土地、人口统计等相关制度及管理办法，逐步消除城乡待遇差别，确保相关政策制度平稳衔接过渡。") },
    Clause { id: "3.1", source: DOCUMENT, title: own!("clause.3.1", "进一步放宽市中心城区的落户条件"), text: words!("（一）进一步放宽市中心城区的落户条件。在郴州市中心城区有合法稳定就业并有合法稳定住所（含租赁），同时按照国家规定在当地参加城镇社会保险的人员，本人及其共同居住生活的配偶、未婚子女、父母等，可以在当地申请登记常住户口。") },
    Clause { id: "3.2", source: DOCUMENT, title: own!("clause.3.2", "全面放开其他城镇的落户限制"), text: words!("（二）全面放开其他城镇的落户限制。在全市其他县级市市区、县人民政府驻地镇和其他建制镇有合法稳定住所（含租赁）的人员，本人及其共同居住生活的配偶、未婚子女、父母等，均可以在当地申请登记常住户口。") },
    Clause { id: "4.1", source: DOCUMENT, title: own!("clause.4.1", "妥善解决落户工作中的相关问题"), text: words!("（一）妥善解决落户工作中的相关问题。切实保障新落户人员的合法权益，依法依规保证其享有当地居民应当享有的政治、经济、文化、教育等权利。加强出生登记工作，摸清无户口人员底数及主要原因，分类解决无户口人员落户问题，切实保障公民登记户口的合法权益。新生儿户口登记不受附加条件限制，公安机关对于不能提供生育证或社会抚养费征收票据等计生证明的未落户人员，应当依法为其办理户口登记，再按有关规定通报当地卫生计生部门。做好死亡人员户口注销工作，加强死亡医学证明等信息共享，全面排查应销未销户口人员信息，确保人口信息数据准确。积极采取措施，重点解决进城时间长、就业能力强、可以适应城镇产业转型升级和市场竞争环境的人员落户问题。不断提高高校和职业院校毕业生、取得专业技术资格人员、技术工人、留学回国人员、获荣誉称号人员、优秀农民工等常住人口的城镇落户率。") },
    Clause { id: "4.2", source: DOCUMENT, title: own!("clause.4.2", "继续大力实施居住证制度"), text: words!("（二）继续大力实施居住证制度。以居住证为载体，健全完善基本公共服务提供机制。各部门根据省、市有关政策规定，就居住证持有人可享受的权益，按照工作职责，明确本部门相关服务内容的提供方式，制定具体可行的实施细则，并在政府门户网站公布，着力研究和解决流动人口随迁子女就学、异地参加中考和高考等流动人口最为关切的问题，确保居住证持有人享有与当地户籍人口同等的劳动就业、基本公共教育、基本医疗卫生、计划生育、公共文化、证照办理服务等权利；结合市情制定科学合理的提供机制，逐步放宽条件，使居住证持有人逐步享有与当地户籍人口同等的中等职业教育、就业扶持、住房保障、养老服务、社会福利、社会救助等权利。") },
    Clause { id: "6.1", source: DOCUMENT, title: own!("clause.6.1", "改革完善农村产权制度"), text: words!("（一）改革完善农村产权制度。加快推进农村土地确权、登记、颁证，依法保障农民的土地承包经营权、宅基地使用权。推进农村集体经济组织产权制度改革，积极探索农村集体经济组织成员资格认定办法和集体经济有效实现形式，保护成员的集体财产权和收益分配权。建立完善农村产权流转交易市场，推动农村产权流转交易公开、公正、规范运行。坚持依法、有偿、自愿的原则，引导农业转移人口有序流转土地承包经营权。探索开展在进城落户农民自愿的前提下有偿退出“三权”（土地承包经营权、宅基地使用权、集体收益分配权）试点。现阶段，不得以退出“三权”作为农民进城落户的条件。") },
    Clause { id: "6.2", source: DOCUMENT, title: own!("clause.6.2", "建立健全养老保险制度"), text: words!("（二）建立健全养老保险制度。在城镇就业的，可参加城镇企业职工基本养老保险，未就业的可以自由职业者身份参加城镇企业职工基本养老保险。加快实施统一的城乡居民基本养老保险制度，落实城镇职工基本养老保险关系转移接续政策。加快建立覆盖城乡的社会养老服务体系，促进基本养老服务均等化。") },
    Clause { id: "6.3", source: DOCUMENT, title: own!("clause.6.3", "建立健全医疗保障制度"), text: words!("（三）建立健全医疗保障制度。将农业转移人口及其他常住人口纳入社区卫生和计划生育服务体系，提供基本医疗卫生服务。把进城落户农民在农村参加的医疗保险规范接入城镇社会保障体系，完善并落实医疗保险关系转移接续办法和异地就医结算办法，整合城乡居民基本医疗保险制度，加快实施统一的城乡医疗救助制度。") },
    Clause { id: "6.4", source: DOCUMENT, title: own!("clause.6.4", "建立健全教育保障机制"), text: words!("（四）建立健全教育保障机制。农业转移人口落户城镇后，其随迁子女接受义务教育，按照就近入学的原则就读，与现有城市（镇）学生同等享受义务教育的权利和待遇。各县市区人民政府要及时将农业转移人口随迁子女的学前教育、义务教育和高中等各阶段教育纳入城市（镇）教育发展规划，合理配置教育资源，调整优化学校布局。") },
    Clause { id: "6.5", source: DOCUMENT, title: own!("clause.6.5", "建立健全计划生育权益保障政策"), text: words!("（五）建立健全计划生育权益保障政策。农业转移人口落户城镇后，在3年内可选择继续享受农村生育政策、计划生育奖励优待政策和计划生育技术服务，由现户籍地卫生计生部门负责落实。") },
    Clause { id: "6.6", source: DOCUMENT, title: own!("clause.6.6", "建立健全住房保障机制"), text: words!("（六）建立健全住房保障机制。将进城落户农业转移人口的住房问题纳入城镇住房保障体系统筹解决，符合住房保障条件的农业转移人口，享受住房保障政策。") },
    Clause { id: "6.7", source: DOCUMENT, title: own!("clause.6.7", "建立健全就业保障机制"), text: words!("（七）建立健全就业保障机制。进城农业转移人口有劳动能力和就业愿望的，应纳入城镇失业登记服务范围，与当地城镇居民享有同等的就业扶持政策。各县市区人民政府要以提升国民素质和扩大就业为目标，对劳动年龄段人口进行多形式、多层次、多途径的技能和创业培训，促进农业转移人口向非农产业转移。") },
    Clause { id: "6.8", source: DOCUMENT, title: own!("clause.6.8", "建立健全社会救助机制"), text: words!("（八）建立健全社会救助机制。完善以低保制度为核心的社会救助体系，推进城乡社会救助统筹发展。农业转移人口符合社会救助政策、条件的，按照属地管理原则，纳入救助范围。") },
    Clause { id: "6.9", source: DOCUMENT, title: own!("clause.6.9", "建立健全优抚保障机制"), text: words!("（九）建立健全优抚保障机制。农业转移人口子女在转户前应征入伍的，服役期间和服役期满后享受城镇入伍义务兵的优待和安置政策；农业转移人口中的烈属、因公牺牲军人遗属、病故军人遗属享受城镇烈属、因公牺牲军人遗属、病故军人遗属的定期抚恤金标准。各县市区要搭建土地流转服务平台，负责办理农民集体土地以及宅基地、农房的处置和补偿事宜，切实防止农业转移人口权益受损，防止土地闲置和撂荒，具体办法和补偿标准由各县市区人民政府制定。要研究出台农业转移人口附着在原集体经济组织上的各类权益保障办法，鼓励以股权等形式予以确认和延续。要研究出台农业转移人口特别是失地农业转移人口的养老保障办法，尽可能在征地拆迁补偿时一并考虑。要超前规划、加大投入，加快城市（镇）道路交通、给水排水、供电供气、邮政通信、环境保护、文教卫生等基础设施建设步伐，加快保障性住房建设进度，提高城市（镇）人口综合承载能力。") },
    Clause { id: "civil.1047", source: CIVIL_CODE, title: own!("clause.civil.1047", "结婚年龄（第一千零四十七条）"), text: words!("结婚年龄，男不得早于二十二周岁，女不得早于二十周岁。") },
    Clause { id: "ord663.2", source: ORDINANCE_663, title: own!("clause.ord663.2", "居住证申领条件（第二条）"), text: words!("公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以依照本条例的规定申领居住证。") },
];
