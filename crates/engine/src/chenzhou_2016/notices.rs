//! What a person should know besides the paths: the notices of 郴政发〔2016〕1号, among them
//! the routes of 4.1 for people without a hukou, as 国办发〔2015〕96号 gives them.

use super::*;

pub(crate) const NO_HUKOU: Cond = OneOf(Field::CurrentHukou, &[V::Hukou(H::None)]);

pub(crate) const NOTICES: &[NoticeRule] = &[
    NoticeRule { id: "unified_resident_hukou", clause: "2", title: own!("notice.unified_resident_hukou", "落户后统一登记为居民户口，不再区分农业与非农业户口"), route: false, applies: Any(&[Path(PathId::CentralUrbanSettlement), Path(PathId::TownSettlement), Path(PathId::NewbornRegistration), Path(PathId::UnregisteredPersonRegistration)]) },
    NoticeRule { id: "settlement_is_voluntary", clause: "1.2", title: own!("notice.settlement_is_voluntary", "落户尊重本人意愿，不得强迫"), route: false, applies: CAN_SETTLE },
    NoticeRule { id: "rural_rights_not_a_condition", clause: "6.1", title: own!("notice.rural_rights_not_a_condition", "现阶段，不得以退出土地承包经营权、宅基地使用权、集体收益分配权作为进城落户的条件"), route: false, applies: All(&[RURAL, OneOf(Field::TargetArea, TOWNS)]) },
    NoticeRule { id: "priority_group", clause: "4.1", title: own!("notice.priority_group", "你属于本市重点推动城镇落户的人群"), route: false, applies: Flag(Field::PriorityGroups, true) },
    NoticeRule { id: "no_hukou_route_outside_family_planning", clause: "4.1", title: own!("notice.no_hukou_route_outside_family_planning", "凭出生医学证明和父母一方的居民户口簿、结婚证或者非婚生育说明申请登记；非婚生育、申请随父亲登记的，还要有亲子鉴定证明（国办发〔2015〕96号二（一））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::OutsideFamilyPlanning)])]) },
    NoticeRule { id: "no_hukou_route_no_birth_certificate", clause: "4.1", title: own!("notice.no_hukou_route_no_birth_certificate", "先申领出生医学证明：在助产机构内出生的，向该机构申领；在助产机构外出生的，先做亲子鉴定，再向拟落户地县级卫生计生部门委托的机构申领。然后凭出生医学证明申请登记（国办发〔2015〕96号二（二））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::NoBirthCertificate)])]) },
    NoticeRule { id: "no_hukou_route_de_facto_adoption", clause: "4.1", title: own!("notice.no_hukou_route_de_facto_adoption", "向民政部门申请办理收养登记，凭收养登记证和收养人的户口簿申请登记；1999年4月1日以前私自收养的，也可以办理事实收养公证，经公安机关调查核实后，凭公证书和收养人的户口簿申请登记（国办发〔2015〕96号二（三））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::DeFactoAdoption)])]) },
    NoticeRule { id: "no_hukou_route_reappeared", clause: "4.1", title: own!("notice.no_hukou_route_reappeared", "凭人民法院撤销失踪或者死亡宣告的判决书，申请恢复户口（国办发〔2015〕96号二（四））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::Reappeared)])]) },
    NoticeRule { id: "no_hukou_route_cancelled_on_marriage", clause: "4.1", title: own!("notice.no_hukou_route_cancelled_on_marriage", "经公安机关调查核实未在其他地方落户的，可以在原户口注销地申请恢复常住户口登记（国办发〔2015〕96号二（五））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::CancelledOnMarriage)])]) },
    NoticeRule { id: "no_hukou_route_lost_migration_certificate", clause: "4.1", title: own!("notice.no_hukou_route_lost_migration_certificate", "向签发地公安机关申请补领、换领户口迁移证件，凭它办理户口迁移登记；不符合迁入地现行户口迁移政策的，可以申请恢复常住户口登记：大中专院校毕业生在原籍户口所在地，其他人员在户口迁出地（国办发〔2015〕96号二（六））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::LostMigrationCertificate)])]) },
    NoticeRule { id: "no_hukou_route_foreign_parent", clause: "4.1", title: own!("notice.no_hukou_route_foreign_parent", "没有取得外国国籍的，凭出生医学证明、父母的非婚生育说明和中国公民一方的户口簿申请登记（国办发〔2015〕96号二（七））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::ForeignParent)])]) },
    NoticeRule { id: "no_hukou_route_other", clause: "4.1", title: own!("notice.no_hukou_route_other", "本人或者承担监护职责的单位和个人可以提出申请，经公安机关会同有关部门调查核实后，可以办理常住户口登记；可以先到派出所说明情况（国办发〔2015〕96号二（八））"), route: true, applies: All(&[NO_HUKOU, OneOf(Field::NoHukouReason, &[V::Reason(R::Other)])]) },
];
