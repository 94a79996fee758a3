/**
 * Essays for the similarity tests, written for them: four learners answer the
 * same prompt ("Liên hệ thực tiễn việc học tập và làm theo tư tưởng, đạo đức,
 * phong cách Hồ Chí Minh"), each about their own commune, ward or school, so
 * they share the set phrases of the topic but no prose. From them come the
 * copies a tutor would have to catch.
 */

const TAN_PHU_PARAGRAPHS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh là nhiệm vụ thường xuyên của mỗi cán bộ, đảng viên. Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Đảng ủy xã Tân Phú đã xây dựng kế hoạch cụ thể, gắn việc học tập với giải quyết những việc khó, việc bức xúc của nhân dân trên địa bàn.',
  'Trước hết, Đảng ủy chọn chủ đề năm là nâng cao trách nhiệm nêu gương của người đứng đầu. Mỗi chi bộ ấp đăng ký ít nhất một việc làm cụ thể, được ghi vào nghị quyết và kiểm tra vào cuối quý. Chi bộ ấp Bàu Sen vận động bà con hiến đất mở rộng đường giao thông nông thôn; sau sáu tháng, tuyến đường dài hơn hai cây số đã được bê tông hóa mà không phải bồi thường. Chi bộ ấp Cây Gáo thành lập tổ tự quản về an ninh trật tự, nhờ đó số vụ trộm cắp tài sản giảm rõ rệt.',
  'Thứ hai, xã chú trọng cải cách thủ tục hành chính theo tinh thần Bác dạy cán bộ phải là công bộc của dân. Bộ phận một cửa niêm yết công khai thời gian giải quyết từng loại hồ sơ, lập hộp thư góp ý và đường dây nóng của Chủ tịch Ủy ban nhân dân xã. Cán bộ tư pháp, địa chính luân phiên trực vào sáng thứ bảy để người dân đi làm công nhân ở khu công nghiệp có thể nộp hồ sơ ngoài giờ hành chính.',
  'Thứ ba, việc làm theo Bác được gắn với phong trào xây dựng nông thôn mới nâng cao. Hội Nông dân phối hợp với Hội Liên hiệp Phụ nữ hướng dẫn hội viên chuyển đổi những thửa ruộng trồng lúa kém hiệu quả sang trồng bưởi và nuôi cá theo hướng an toàn sinh học. Nhiều hộ từng thuộc diện cận nghèo nay đã có thu nhập ổn định và tự nguyện xin ra khỏi danh sách hộ cận nghèo.',
  'Bên cạnh kết quả đạt được, việc học tập ở một số chi bộ còn hình thức, nặng về đọc tài liệu mà thiếu thảo luận; một bộ phận cán bộ trẻ chưa thật sự gương mẫu trong lời nói và việc làm trên mạng xã hội. Theo tôi, thời gian tới cần đưa tiêu chí làm theo Bác vào đánh giá, xếp loại đảng viên hằng năm, biểu dương kịp thời những tấm gương người tốt, việc tốt ở khu dân cư và kiên quyết xử lý những biểu hiện nói không đi đôi với làm. Bản thân tôi sẽ tiếp tục rèn luyện tác phong gần dân, lắng nghe dân, giải quyết công việc đúng hẹn và nói đi đôi với làm.',
];

/** A commune cadre's essay (about 470 words). */
export const ESSAY_TAN_PHU = TAN_PHU_PARAGRAPHS.join('\n\n');

/** A ward cadre's essay on the same prompt (about 430 words). */
export const ESSAY_HOA_BINH = [
  'Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh là nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng ta. Qua chuyên đề học tập năm nay, tôi nhận thức sâu sắc hơn rằng học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh không phải là phong trào nhất thời mà phải trở thành việc làm tự giác, thường xuyên của mỗi cán bộ, đảng viên và mỗi người dân.',
  'Tại phường Hòa Bình, nơi tôi công tác, Đảng ủy phường đã cụ thể hóa Chỉ thị số 05-CT/TW của Bộ Chính trị bằng chương trình "Mỗi tuần một việc tốt vì dân". Các tổ dân phố tổ chức ngày chủ nhật xanh, thu gom rác thải nhựa dọc bờ kênh Ba Bò, trồng thêm cây xanh ở các hẻm nhỏ. Đoàn Thanh niên phường mở lớp học tình thương buổi tối cho con em các gia đình lao động nhập cư, do các giáo viên đã nghỉ hưu và sinh viên tình nguyện đứng lớp.',
  'Điều tôi tâm đắc nhất là cách phường tiếp dân. Mỗi tháng, Bí thư Đảng ủy và Chủ tịch Ủy ban nhân dân phường trực tiếp đối thoại với người dân tại nhà văn hóa khu phố; những kiến nghị về ngập nước, lấn chiếm vỉa hè, cấp giấy chứng nhận quyền sử dụng đất đều được ghi nhận, phân công người chịu trách nhiệm và thông báo kết quả ở buổi đối thoại tiếp theo. Cách làm này thể hiện lời Bác dặn: việc gì có lợi cho dân thì hết sức làm, việc gì có hại cho dân thì hết sức tránh.',
  'Tuy nhiên, vẫn còn những hạn chế. Có nơi coi việc học tập là hoạt động phong trào, báo cáo thành tích nhiều hơn làm thật; việc nhân rộng điển hình người tốt, việc tốt chưa được quan tâm đúng mức. Một số đảng viên lớn tuổi ngại ứng dụng công nghệ thông tin nên việc giải quyết thủ tục trực tuyến còn chậm.',
  'Từ thực tế đó, tôi đề xuất phường tiếp tục lấy chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh làm nền tảng trong sinh hoạt chính trị, đổi mới hình thức sinh hoạt chi bộ theo hướng thảo luận những vấn đề thiết thực của khu phố, và gắn kết quả làm theo Bác với việc đánh giá cán bộ cuối năm. Riêng bản thân, tôi tự nhắc mình phải giữ gìn lối sống giản dị, khiêm tốn, nói đi đôi với làm.',
].join('\n\n');

const PHU_HOI_PARAGRAPHS = [
  'Bác Hồ đã để lại cho chúng ta tấm gương sáng ngời về đạo đức cách mạng: cần, kiệm, liêm, chính, chí công vô tư. Cùng với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh soi đường cho mọi việc chúng ta làm. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, với tôi trước hết là học cách sống và làm việc như Bác trong những việc nhỏ hằng ngày.',
  'Ở xã Phú Hội, huyện Đức Trọng, nơi tôi sinh hoạt, phần lớn người dân là đồng bào dân tộc Cơ Ho sống bằng nghề trồng cà phê. Đảng ủy xã xác định làm theo Bác phải bắt đầu từ việc gần dân, hiểu dân. Cán bộ xã được phân công phụ trách từng buôn, mỗi tháng ít nhất hai lần đến nhà già làng, người có uy tín để nắm tâm tư, nguyện vọng của bà con. Nhờ vậy, những mâu thuẫn về ranh giới đất rẫy được hòa giải ngay tại thôn, không để phát sinh khiếu kiện kéo dài.',
  'Xã cũng vận động thực hành tiết kiệm theo lời Bác: tiết kiệm không phải là bủn xỉn. Các đám cưới, đám tang được tổ chức gọn nhẹ, không mổ trâu bò linh đình; khoản tiền tiết kiệm được, nhiều gia đình góp vào quỹ khuyến học của thôn. Năm vừa qua, quỹ đã trao học bổng cho bốn mươi học sinh nghèo vượt khó và hỗ trợ hai em thi đỗ đại học.',
  'Về kinh tế, Hội Nông dân xã phối hợp với một doanh nghiệp chế biến cà phê hướng dẫn bà con ghép cải tạo vườn cây già cỗi, bón phân hữu cơ và thu hái quả chín để nâng giá bán. Những hộ làm tốt được mời chia sẻ kinh nghiệm tại buổi sinh hoạt chi bộ, tạo nên sức lan tỏa tự nhiên hơn mọi lời kêu gọi.',
  'Dù vậy, tôi nhận thấy việc học tập ở cơ sở đôi khi vẫn dừng lại ở việc quán triệt văn bản. Cán bộ trẻ như tôi cần chủ động tự học tiếng Cơ Ho để trò chuyện với bà con, kiên trì giải thích chính sách bằng những ví dụ gần gũi, và tự đặt cho mình những việc làm cụ thể, có thể kiểm tra được, để việc làm theo Bác không chỉ nằm trên giấy.',
];

/** A highland commune cadre's essay on the same prompt (about 400 words). */
export const ESSAY_PHU_HOI = PHU_HOI_PARAGRAPHS.join('\n\n');

/** A teacher's shorter reflection on the same prompt (about 210 words). */
export const ESSAY_LONG_THANH = [
  'Là giáo viên trường trung học cơ sở thị trấn Long Thành, tôi hiểu rằng làm theo Bác trước hết là làm tốt công việc hằng ngày của mình. Bác từng dạy: vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người. Lời dạy ấy nhắc tôi rằng mỗi tiết học đều góp phần vào sự nghiệp trồng người.',
  'Năm học vừa qua, tổ Ngữ văn chúng tôi đăng ký làm theo Bác bằng việc kèm cặp học sinh yếu vào chiều thứ năm mà không thu bất kỳ khoản tiền nào. Sau một học kỳ, phần lớn các em đã theo kịp chương trình, có em mạnh dạn xung phong đọc bài trước lớp. Tôi cũng thay đổi cách chấm bài: thay vì chỉ ghi điểm, tôi viết nhận xét cụ thể để học sinh biết mình sai ở đâu và sửa như thế nào.',
  'Tôi tự thấy mình còn nóng vội khi học sinh chậm tiến bộ, đôi lúc chưa thật sự kiên nhẫn lắng nghe các em. Thời gian tới, tôi sẽ rèn tính điềm tĩnh, thường xuyên trao đổi với phụ huynh qua sổ liên lạc điện tử, và giữ lời hứa với học sinh như giữ chữ tín với chính mình.',
].join('\n\n');

/** `text` with each `[from, to]` replaced once; fails if `from` is missing, so a fixture cannot drift silently. */
function edit(text: string, replacements: readonly [string, string][]): string {
  return replacements.reduce((edited, [from, to]) => {
    if (!edited.includes(from)) throw new Error(`Fixture edit not found: ${from}`);
    return edited.replace(from, to);
  }, text);
}

const sentences = (paragraph: string) => paragraph.split(/(?<=\.) /);

/**
 * The Tân Phú essay handed in by another learner: the third and fourth
 * paragraphs swapped, two sentences of the second swapped, and a few words
 * changed (the commune's name, a figure, some wording, "tôi" → "em").
 */
export const ESSAY_TAN_PHU_NEAR_COPY = (() => {
  const [intro, party, reform, countryside, outlook] = TAN_PHU_PARAGRAPHS;
  const [theme, pledge, road, security] = sentences(party);
  return [
    edit(intro, [['xã Tân Phú', 'xã Tân Lập']]),
    edit([theme, pledge, security, road].join(' '), [
      ['hai cây số', 'ba cây số'],
      ['giảm rõ rệt', 'giảm hẳn'],
    ]),
    edit(countryside, [['kém hiệu quả', 'năng suất thấp']]),
    reform,
    edit(outlook, [
      ['Theo tôi', 'Theo em'],
      ['Bản thân tôi', 'Bản thân em'],
    ]),
  ].join('\n\n');
})();

/** Retyped on a keyboard without Vietnamese input: every diacritic gone, đ typed as d, case and punctuation kept. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** The Phú Hội essay padded with the whole Long Thành essay pasted after its second paragraph. */
export const ESSAY_PHU_HOI_WITH_LONG_THANH_PASTED = [
  ...PHU_HOI_PARAGRAPHS.slice(0, 2),
  ESSAY_LONG_THANH,
  ...PHU_HOI_PARAGRAPHS.slice(2),
].join('\n\n');
